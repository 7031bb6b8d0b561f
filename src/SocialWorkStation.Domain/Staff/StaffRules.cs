using System.Globalization;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Domain.Staff;

/// <summary>
/// A bound with its inclusiveness stated as data. Chinese legal usage (Civil Code art. 1259) reads
/// "以上/以下/以内/不少于" as including the number and "不满/超过/以外" as excluding it; the profile says which.
/// </summary>
public sealed record Limit(decimal Value, bool Inclusive)
{
    /// <summary>True when <paramref name="x"/> does not exceed the limit (an upper bound).</summary>
    public bool AllowsAtMost(decimal x) => Inclusive ? x <= Value : x < Value;

    /// <summary>True when <paramref name="x"/> reaches the limit (a lower bound).</summary>
    public bool AllowsAtLeast(decimal x) => Inclusive ? x >= Value : x > Value;

    public string Number => Value.ToString("0.##", CultureInfo.InvariantCulture);
}

/// <summary>A range of counts; either end may be open.</summary>
public sealed record CountRange
{
    public Limit? Min { get; init; }
    public Limit? Max { get; init; }

    public bool Contains(decimal x) => (Min is null || Min.AllowsAtLeast(x)) && (Max is null || Max.AllowsAtMost(x));

    public string Words(string unit)
    {
        if (Min is { Inclusive: true } a && Max is { Inclusive: true } b)
        {
            return a.Value == b.Value ? $"{a.Number}{unit}" : $"{a.Number}-{b.Number}{unit}";
        }
        var parts = new List<string>();
        if (Min is not null) parts.Add(Min.Inclusive ? $"至少{Min.Number}{unit}" : $"多于{Min.Number}{unit}");
        if (Max is not null) parts.Add(Max.Inclusive ? $"至多{Max.Number}{unit}" : $"少于{Max.Number}{unit}");
        return string.Join("、", parts);
    }
}

/// <summary>
/// The staff section of a policy profile (docs/requirements/domain.md §3). Every rule is optional: a rule the document
/// leaves out is absent and does not apply. Each value names its clause; the platform's readings of silent or
/// ambiguous wording (docs/requirements/domain.md §10) are given as the value's interpretation.
/// </summary>
public sealed record StaffRules
{
    /// <summary>How many resident workers (head included) a township station must have.</summary>
    public Sourced<StationStaffRule>? StationStaff { get; init; }
    /// <summary>How many station heads a station has (Ledong: "其中设站长1名").</summary>
    public Sourced<CountRange>? Heads { get; init; }
    /// <summary>Age limit in full years (周岁) on the hire date: a hiring condition.</summary>
    public Sourced<Limit>? MaxAge { get; init; }
    /// <summary>Lowest education on hiring.</summary>
    public Sourced<Education>? MinEducation { get; init; }
    /// <summary>Majors accepted on hiring (Qiongzhong: social work or related).</summary>
    public Sourced<MajorCategory[]>? Majors { get; init; }
    /// <summary>"且符合条件之一": a worker meets at least one of these, checked on the date asked.</summary>
    public Sourced<QualificationOption[]>? Qualification { get; init; }
    /// <summary>Ledong: without a certificate, obtain one within N years of the hire date.</summary>
    public Sourced<CertificateDeadlineRule>? CertificateDeadline { get; init; }
    /// <summary>What a station head (or a centre's lead) must hold.</summary>
    public Sourced<HeadRule>? Head { get; init; }
    /// <summary>Shenmu art. 5: who counts as a social worker (not a hiring test; a warning where not met).</summary>
    public Sourced<QualificationOption[]>? SocialWorkerDefinition { get; init; }
    /// <summary>Village rooms: minimum staff, optionally certified (Shenmu art. 11; Wenzhou 六(三)1).</summary>
    public Sourced<VillageRoomStaffRule>? VillageRoomStaff { get; init; }
    /// <summary>Training hours each worker receives a calendar year (Shenmu art. 12: 30; Wenzhou 六(三)2: 40).</summary>
    public Sourced<AnnualTrainingRule>? AnnualTraining { get; init; }
    /// <summary>Wenzhou 六(二)2: every village of the township has at least one contact worker.</summary>
    public Sourced<bool>? VillageContacts { get; init; }
    /// <summary>Qiongzhong (四)1: each station has a worker who newly obtains a national certificate in the service year.</summary>
    public Sourced<NewCertificateRule>? NewCertificates { get; init; }
    /// <summary>Hiring priorities ("同等条件下优先"), shown as ranking hints.</summary>
    public Sourced<HiringPriority[]>? Priorities { get; init; }

    /// <summary>The staff rules flattened for the profile page.</summary>
    public IEnumerable<ProfileEntry> Entries()
    {
        yield return E("staff.stationStaff", "社工站驻站社工人数", StationStaff, v =>
            v.Min is not null ? (v.Min.Inclusive ? $"至少{v.Min.Number}名（含站长）" : $"多于{v.Min.Number}名（含站长）")
            : v.RequiredRange is not null ? $"由县级民政部门在{v.RequiredRange.Words("名")}之间核定每站人数"
            : v.ByAgreement ? "按服务协议约定人数" : "");
        yield return E("staff.heads", "站长人数", Heads, v => v.Words("名"));
        yield return E("staff.maxAge", "年龄上限（入职时）", MaxAge, v => v.Inclusive ? $"{v.Number}周岁以下（含{v.Number}周岁）" : $"未满{v.Number}周岁");
        yield return E("staff.minEducation", "最低学历（入职时）", MinEducation, v => StaffNames.Chinese(v) + "及以上");
        yield return E("staff.majors", "专业要求（入职时）", Majors, v => StaffNames.Majors(v));
        yield return E("staff.qualification", "任职资质（符合条件之一）", Qualification, v => string.Join("；", v.Select((o, i) => $"{i + 1}. {o.Words()}")));
        yield return E("staff.certificateDeadline", "未持证者取得证书期限", CertificateDeadline, v =>
            $"入职之日起{v.Years}年内取得{StaffNames.Certificates(v.Certificates)}；截止前{v.WarnMonthsBefore}个月起提醒");
        yield return E("staff.head", "站长（负责人）资质", Head, v => v.Words());
        yield return E("staff.socialWorkerDefinition", "社会工作者认定（符合条件之一）", SocialWorkerDefinition, v => string.Join("；", v.Select((o, i) => $"{i + 1}. {o.Words()}")));
        yield return E("staff.villageRoomStaff", "社工室人员", VillageRoomStaff, v =>
            (v.Min.Inclusive ? $"至少{v.Min.Number}名" : $"多于{v.Min.Number}名") + (v.Certificates is { Length: > 0 } c ? $"持有{StaffNames.Certificates(c)}的社工" : "专（兼）职社工"));
        yield return E("staff.annualTraining", "年度培训学时（每人）", AnnualTraining, v =>
            (v.Hours.Inclusive ? $"每年不少于{v.Hours.Number}学时" : $"每年超过{v.Hours.Number}学时") + $"（适用：{StaffNames.Platforms(v.Platforms)}）");
        yield return E("staff.villageContacts", "每个村（社区）定点联系社工", VillageContacts, v => v ? "要求" : "不要求");
        yield return E("staff.newCertificates", "每站年度新增持证社工", NewCertificates, v =>
            (v.Min.Inclusive ? $"至少{v.Min.Number}名" : $"多于{v.Min.Number}名") + $"新取得{StaffNames.Certificates(v.Certificates)}");
        yield return E("staff.priorities", "同等条件下优先录用", Priorities, v => string.Join("、", v.Select(StaffNames.Chinese)));
    }

    private static ProfileEntry E<T>(string path, string label, Sourced<T>? s, Func<T, string> display) =>
        s is null ? new ProfileEntry(path, label, null, null, null) : new ProfileEntry(path, label, display(s.Value), s.Source, s.Interpretation);
}

/// <summary>
/// A station's headcount rule. Exactly one way is given: a fixed minimum (Ledong, Qiongzhong), a range within
/// which the county sets each station's number (Wenzhou 3-8), or the number in the service agreement (Hunan).
/// In the last two the number is an input of the station (its required staff).
/// </summary>
public sealed record StationStaffRule
{
    public Limit? Min { get; init; }
    public CountRange? RequiredRange { get; init; }
    public bool ByAgreement { get; init; }
}

/// <summary>One alternative of a "符合条件之一" list.</summary>
public sealed record QualificationOption
{
    public required QualificationKind Kind { get; init; }
    /// <summary>Major: accepted categories.</summary>
    public MajorCategory[]? Majors { get; init; }
    /// <summary>Major: lowest education with that major ("大专以上学历"); null when any level counts.</summary>
    public Education? MinEducation { get; init; }
    /// <summary>Certificate: accepted kinds.</summary>
    public CertificateKind[]? Certificates { get; init; }
    /// <summary>Certificate: it must also be registered (Ledong: 民发〔2009〕44号登记注册).</summary>
    public bool Registered { get; init; }
    /// <summary>Training: hours of social work professional training needed.</summary>
    public Limit? Hours { get; init; }
    /// <summary>Training: counted within this many years ending on the date checked ("近5年").</summary>
    public int? WindowYears { get; init; }
    /// <summary>Training: counted from this date on ("2016年以来").</summary>
    public DateOnly? Since { get; init; }

    public string Words() => Kind switch
    {
        QualificationKind.Major => $"{StaffNames.Majors(Majors ?? [])}" + (MinEducation is { } e ? $"{StaffNames.Chinese(e)}以上学历" : "毕业"),
        QualificationKind.Certificate => $"取得{StaffNames.Certificates(Certificates ?? [])}" + (Registered ? "并登记注册" : ""),
        _ => (WindowYears is { } y ? $"近{y}年" : Since is { } s ? $"{s.Year}年以来" : "")
             + $"接受社会工作专业培训{(Hours is { Inclusive: false } ? "超过" : "不少于")}{Hours?.Number}小时",
    };
}

public sealed record CertificateDeadlineRule
{
    /// <summary>Years after the hire date; the period ends on that anniversary (Civil Code art. 201).</summary>
    public required int Years { get; init; }
    public required CertificateKind[] Certificates { get; init; }
    /// <summary>Warn from this many months before the deadline (a platform default).</summary>
    public required int WarnMonthsBefore { get; init; }
}

public sealed record HeadRule
{
    public required CertificateKind[] Certificates { get; init; }
    /// <summary>Years of social work practice needed (Shenmu: 2 years inclusive).</summary>
    public Limit? PracticeYears { get; init; }
    /// <summary>The platforms whose head the rule governs.</summary>
    public required PlatformKind[] Platforms { get; init; }

    public string Words() =>
        $"取得{StaffNames.Certificates(Certificates)}"
        + (PracticeYears is { } p ? (p.Inclusive ? $"，且具有{p.Number}年（含）以上实务经验" : $"，且具有超过{p.Number}年实务经验") : "")
        + $"（适用：{StaffNames.Platforms(Platforms)}）";
}

public sealed record VillageRoomStaffRule
{
    public required Limit Min { get; init; }
    /// <summary>When given, only workers holding one of these count (Shenmu: 持证社工).</summary>
    public CertificateKind[]? Certificates { get; init; }
}

public sealed record AnnualTrainingRule
{
    public required Limit Hours { get; init; }
    /// <summary>The platforms whose workers the rule governs.</summary>
    public required PlatformKind[] Platforms { get; init; }
}

public sealed record NewCertificateRule
{
    public required Limit Min { get; init; }
    public required CertificateKind[] Certificates { get; init; }
}
