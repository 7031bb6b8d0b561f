using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>The worker form of the pages (edit and hiring check): the fields of WorkerInput in PascalCase.</summary>
public sealed class WorkerForm
{
    public Guid? StationId { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Role { get; set; } = "worker";
    public string? Education { get; set; }
    public string? Major { get; set; }
    public string? MajorCategory { get; set; }
    public string? HireDate { get; set; }
    public string? LeftOn { get; set; }
    public string? PracticeStartedOn { get; set; }
    public bool LocalHukou { get; set; }
    public bool ProvincialFreshGraduate { get; set; }
    public bool TrainingBaseIntern { get; set; }
    public List<CertificateRow> Certificates { get; set; } = [];
    public List<TrainingRow> Trainings { get; set; } = [];
    public List<string> ContactVillages { get; set; } = [];
    public int? Version { get; set; }

    public WorkerInput ToInput() => new(
        StationId, Name, IdNumber?.Trim(), Role, Education, Major, MajorCategory, HireDate, LeftOn, PracticeStartedOn,
        LocalHukou, ProvincialFreshGraduate, TrainingBaseIntern,
        Certificates.Select(c => new CertificateInput(c.Kind, null, c.ObtainedOn, c.Registered)).ToList(),
        Trainings.Select(t => new TrainingInput(t.Date, t.Hours, t.Provider, t.Topic, t.Professional)).ToList(),
        ContactVillages.Where(v => !string.IsNullOrWhiteSpace(v)).ToList(), Version);

    public static WorkerForm From(WorkerDto w) => new()
    {
        StationId = w.StationId, Name = w.Name, IdNumber = w.IdNumber, Role = w.Role, Education = w.Education, Major = w.Major,
        MajorCategory = w.MajorCategory, HireDate = Iso(w.HireDate), LeftOn = Iso(w.LeftOn), PracticeStartedOn = Iso(w.PracticeStartedOn),
        LocalHukou = w.LocalHukou, ProvincialFreshGraduate = w.ProvincialFreshGraduate, TrainingBaseIntern = w.TrainingBaseIntern,
        Certificates = w.Certificates.Select(c => new CertificateRow { Kind = c.Kind, ObtainedOn = Iso(c.ObtainedOn), Registered = c.Registered }).ToList(),
        Trainings = w.Trainings.Select(t => new TrainingRow { Date = Iso(t.Date), Hours = t.Hours, Provider = t.Provider, Topic = t.Topic, Professional = t.Professional }).ToList(),
        ContactVillages = w.ContactVillages.ToList(),
        Version = w.Version,
    };

    private static string? Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class CertificateRow
{
    public string? Kind { get; set; }
    public string? ObtainedOn { get; set; }
    public bool Registered { get; set; }
}

public sealed class TrainingRow
{
    public string? Date { get; set; }
    public decimal? Hours { get; set; }
    public string? Provider { get; set; }
    public string? Topic { get; set; }
    public bool Professional { get; set; } = true;
}

/// <summary>Chinese words for the API codes of workers, and the status shown for a compliance badge or a finding.</summary>
public static class WorkerLabels
{
    public static readonly IReadOnlyList<(string Value, string Text)> RoleOptions = [("worker", "社工"), ("head", "站长")];

    public static readonly IReadOnlyList<(string Value, string Text)> EducationOptions =
        Enum.GetValues<Education>().Select(e => (StaffNames.Api(e), StaffNames.Chinese(e))).ToList();

    public static readonly IReadOnlyList<(string Value, string Text)> CategoryOptions =
        Enum.GetValues<MajorCategory>().Select(e => (StaffNames.Api(e), StaffNames.Chinese(e))).ToList();

    public static readonly IReadOnlyList<(string Value, string Text)> CertificateOptions =
        Enum.GetValues<CertificateKind>().Select(e => (StaffNames.Api(e), StaffNames.Chinese(e))).ToList();

    public static string Role(string? api) => StaffNames.FromApi<WorkerRole>(api) is { } r ? StaffNames.Chinese(r) : api ?? "";

    public static string Education(string? api) => StaffNames.FromApi<Education>(api) is { } e ? StaffNames.Chinese(e) : api ?? "";

    public static string Category(string? api) => StaffNames.FromApi<MajorCategory>(api) is { } m ? StaffNames.Chinese(m) : api ?? "";

    public static string Certificate(string? api) => StaffNames.FromApi<CertificateKind>(api) is { } c ? StaffNames.Chinese(c) : api ?? "";

    public static string Rule(string rule) => StaffNames.Rules.TryGetValue(rule, out var text) ? text : Stations.DetailsModel.RuleWord(rule);

    public static (StatusKind Kind, string Word) Badge(WorkerDto w) => w switch
    {
        { Active: false } => (StatusKind.Normal, w.LeftOn is not null ? "已离职" : "未入职"),
        { Compliance: null } => (StatusKind.Normal, "无方案"),
        { Compliance.Compliant: false } => (StatusKind.Severe, $"{w.Compliance.Errors}项不合格"),
        { Compliance.Warnings: > 0 } => (StatusKind.Behind, $"{w.Compliance.Warnings}项提醒"),
        _ => (StatusKind.Ok, "达标"),
    };

    public static (StatusKind Kind, string Word) Finding(FindingDto f) =>
        (Stations.DetailsModel.FindingStatus(f), Stations.DetailsModel.FindingWord(f));

    /// <summary>The document and clause; the profile's short name is added only where the source lacks it.</summary>
    public static string Source(string? shortName, string source) =>
        shortName is null || source.StartsWith(shortName, StringComparison.Ordinal) ? source : shortName + source;
}
