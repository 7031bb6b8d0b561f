using SocialWorkStation.Domain.Common;

namespace SocialWorkStation.Domain.Services;

/// <summary>
/// The annual service standards (服务标准) a profile's document sets, each with its clause (docs/requirements/domain.md
/// section 5). A number the document does not set is absent and is not tracked under that profile.
/// "Per year" is the contract year when a contract exists, else the calendar year (docs/requirements/domain.md §10);
/// callers pass the period.
/// </summary>
public sealed record ServiceStandards
{
    /// <summary>Home visits per social worker per year (Qiongzhong: 24).</summary>
    public Sourced<int>? VisitsPerWorker { get; init; }
    /// <summary>Cases taken on per station per year (Qiongzhong: 2).</summary>
    public Sourced<int>? CasesPerStation { get; init; }
    /// <summary>Services per filed recipient (Qiongzhong: 5).</summary>
    public Sourced<int>? ServicesPerCase { get; init; }
    /// <summary>Groups per station per year (Qiongzhong: 2).</summary>
    public Sourced<int>? GroupsPerStation { get; init; }
    /// <summary>Sessions per group (Qiongzhong: 4).</summary>
    public Sourced<int>? SessionsPerGroup { get; init; }
    /// <summary>Participant-times per complete group (Qiongzhong: 16).</summary>
    public Sourced<int>? ParticipantTimesPerGroup { get; init; }
    /// <summary>Township activities per station per year (Qiongzhong: 3).</summary>
    public Sourced<int>? ActivitiesPerStation { get; init; }
    /// <summary>People at one activity for it to count (Qiongzhong: 10, "每场不少于10人", 10 included).</summary>
    public Sourced<int>? ParticipantsPerActivity { get; init; }
    /// <summary>Kinds the year's counted activities must include (Qiongzhong: publicity and volunteer advocacy), API names.</summary>
    public Sourced<string[]>? RequiredActivityKinds { get; init; }
    /// <summary>Newly registered real-name volunteers per station per year (Qiongzhong: 30).</summary>
    public Sourced<int>? NewVolunteersPerStation { get; init; }
    /// <summary>Volunteer teams a station has (Qiongzhong: 1; Shenmu art. 11: 1).</summary>
    public Sourced<int>? VolunteerTeamsPerStation { get; init; }
    /// <summary>Featured service case studies per station (Ledong: 1).</summary>
    public Sourced<int>? FeaturedCasesPerStation { get; init; }
    /// <summary>People filed (建档) per station per year (Qiongzhong（六）2 sets no number; the profile says how it reads it).</summary>
    public Sourced<int>? RecipientFilesPerStation { get; init; }
    /// <summary>
    /// The contractor's project manager checks each station at least this many times a calendar month
    /// (Qiongzhong（五）管理保障第3项“人员配备”: 每月至少对各工作站进行一次检查指导).
    /// </summary>
    public Sourced<int>? ContractorChecksPerMonth { get; init; }
}

/// <summary>
/// How far one standard is met in a period: done against required, with the clause. Met includes the
/// number itself ("不少于" counts the bound, Civil Code art. 1259).
/// </summary>
public sealed record StandardProgress(string Rule, string Label, int Done, int Required, string Source, string? Interpretation = null)
{
    public bool Met => Done >= Required;

    public string Message => Met
        ? $"{Label}：已完成{Done}，要求不少于{Required}（{Source}）"
        : $"{Label}：已完成{Done}，要求不少于{Required}，还差{Required - Done}（{Source}）";

    public static StandardProgress? Of(string rule, string label, int done, Sourced<int>? required) =>
        required is null ? null : new StandardProgress(rule, label, done, required.Value, required.Source, required.Interpretation);
}
