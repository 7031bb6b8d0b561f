using System.Text.Json;
using System.Text.Json.Serialization;
using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Domain.Services;

namespace SocialWorkStation.Domain.Profiles;

/// <summary>A profile file that cannot be used; the message names the file and the field.</summary>
public sealed class PolicyProfileException(string file, string field, string problem)
    : Exception($"政策方案文件 {file} 字段 {field}：{problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
}

public static class PolicyProfileParser
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Parses and validates one profile file. <paramref name="fileName"/> is used in messages and must match the key.</summary>
    public static PolicyProfile Parse(string fileName, string json)
    {
        PolicyProfile? profile;
        try
        {
            profile = JsonSerializer.Deserialize<PolicyProfile>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new PolicyProfileException(fileName, ex.Path ?? "$", Translate(ex.Message));
        }
        if (profile is null)
        {
            throw new PolicyProfileException(fileName, "$", "文件为空");
        }
        Validate(fileName, profile);
        return profile;
    }

    private static string Translate(string message) =>
        message.Contains("missing required properties", StringComparison.Ordinal)
            ? "缺少必填字段（" + message + "）"
            : "格式错误（" + message + "）";

    private static void Validate(string file, PolicyProfile p)
    {
        var expectedKey = Path.GetFileNameWithoutExtension(file);
        if (!string.Equals(p.Key, expectedKey, StringComparison.Ordinal))
        {
            throw new PolicyProfileException(file, "key", $"应与文件名一致（{expectedKey}），实为 {p.Key}");
        }
        NotBlank(file, "name", p.Name);
        NotBlank(file, "shortName", p.ShortName);
        NotBlank(file, "region", p.Region);
        NotBlank(file, "document.title", p.Document.Title);
        NotBlank(file, "document.file", p.Document.File);
        if (p.RegionCode is { } code && (code.Length != 6 || !code.All(char.IsAsciiDigit)))
        {
            throw new PolicyProfileException(file, "regionCode", "应为6位行政区划代码");
        }
        Check(file, "logo", p.Logo, v => !string.IsNullOrWhiteSpace(v), "不能为空");
        foreach (var kind in Enum.GetValues<PlatformKind>())
        {
            var api = PlatformKinds.ToApi(kind);
            Check(file, $"signage.{api}", p.Signage.For(kind), v => !string.IsNullOrWhiteSpace(v), "不能为空");
            if (p.Signage.For(kind) is { } sign && !Signage.PlaceholdersValid(sign.Value, out var bad))
            {
                throw new PolicyProfileException(file, $"signage.{api}.value", $"未知占位符 {{{bad}}}");
            }
            var f = p.Facilities.For(kind);
            if (f is null)
            {
                continue;
            }
            Check(file, $"facilities.{api}.minFloorArea", f.MinFloorArea, v => v > 0, "应大于0");
            Check(file, $"facilities.{api}.requiredRooms", f.RequiredRooms, v => v.Length > 0 && v.All(s => !string.IsNullOrWhiteSpace(s)), "不能为空");
            CheckItems(file, $"facilities.{api}.requiredEquipment", f.RequiredEquipment);
            CheckItems(file, $"facilities.{api}.safety", f.Safety);
            CheckItems(file, $"facilities.{api}.serviceRooms", f.ServiceRooms);
            Check(file, $"facilities.{api}.serviceRooms", f.ServiceRooms, v => v.All(r => r.Service is { } svc && StationServices.All.Contains(svc)),
                "每个功能室须注明服务项目（" + string.Join("、", StationServices.All) + "）");
            Check(file, $"facilities.{api}.separateOffice", f.SeparateOffice, _ => true, "");
            Check(file, $"facilities.{api}.fireSafety", f.FireSafety, _ => true, "");
        }
        Check(file, "tiers.oneCountyCentre", p.Tiers?.OneCountyCentre, _ => true, "");
        Check(file, "tiers.villageRoomUnderStation", p.Tiers?.VillageRoomUnderStation, _ => true, "");
        if (p.Staff is { } staff)
        {
            ValidateStaff(file, staff);
        }
        if (p.VisitSchedule is { } schedule)
        {
            Check(file, "visitSchedule.intervals", schedule.Intervals, v => v.Length > 0 && v.All(r => r.IsValid),
                "每条规则须有名称、大于0的天数，以及对象类别或最低风险等级");
        }
        ValidateStandards(file, p.Standards);
        Reports.ReportRulesValidation.Validate(file, p.Reports);
        if (p.Evaluation is { } evaluation)
        {
            foreach (var (field, problem) in Evaluations.EvaluationRulesValidation.Problems(evaluation))
            {
                throw new PolicyProfileException(file, field, problem);
            }
            foreach (var (field, value) in new (string, string?)[]
                     {
                         ("evaluation.rounds", evaluation.Rounds.Source), ("evaluation.scorers", evaluation.Scorers.Source), ("evaluation.weights", evaluation.Weights?.Source ?? "-"),
                         ("evaluation.grades", evaluation.Grades?.Source ?? "-"), ("evaluation.defaultTree", evaluation.DefaultTree.Source),
                     })
            {
                NotBlank(file, field + ".source", value ?? "");
            }
        }
        if (p.Agreements is { } agreements)
        {
            foreach (var (field, problem) in Agreements.AgreementRulesValidation.Problems(agreements))
            {
                throw new PolicyProfileException(file, field, problem);
            }
        }
        if (p.Budgets is { } budgets)
        {
            foreach (var (field, problem) in Agreements.BudgetRulesValidation.Problems(budgets))
            {
                throw new PolicyProfileException(file, field, problem);
            }
        }
        if (p.Complaints is { } complaints)
        {
            foreach (var (field, problem) in Complaints.ComplaintRulesValidation.Problems(complaints))
            {
                throw new PolicyProfileException(file, field, problem);
            }
        }
        if (p.Incidents is { } incidents)
        {
            foreach (var (field, problem) in Incidents.IncidentRulesValidation.Problems(incidents))
            {
                throw new PolicyProfileException(file, field, problem);
            }
        }
        if (p.Books is { } books)
        {
            foreach (var (field, problem) in Archives.BookRulesValidation.Problems(books))
            {
                throw new PolicyProfileException(file, field, problem);
            }
        }
        if (p.Pace is { } pace)
        {
            Check(file, "pace.farBehindBelow", pace.FarBehindBelow, v => v is > 0m and < 1m, "应在0与1之间");
            Check(file, "pace.proRated", pace.ProRated, v => v.All(k => Progress.StandardCatalog.Find(k) is { Level: Progress.StandardLevel.Worker }),
                "只能列出按人计的标准（visits、training）");
        }
    }

    private static void ValidateStandards(string file, ServiceStandards? s)
    {
        if (s is null)
        {
            return;
        }
        foreach (var (name, value) in new (string, Sourced<int>?)[]
                 {
                     ("visitsPerWorker", s.VisitsPerWorker), ("casesPerStation", s.CasesPerStation), ("servicesPerCase", s.ServicesPerCase),
                     ("groupsPerStation", s.GroupsPerStation), ("sessionsPerGroup", s.SessionsPerGroup),
                     ("participantTimesPerGroup", s.ParticipantTimesPerGroup), ("activitiesPerStation", s.ActivitiesPerStation),
                     ("participantsPerActivity", s.ParticipantsPerActivity), ("newVolunteersPerStation", s.NewVolunteersPerStation),
                     ("volunteerTeamsPerStation", s.VolunteerTeamsPerStation), ("featuredCasesPerStation", s.FeaturedCasesPerStation),
                     ("recipientFilesPerStation", s.RecipientFilesPerStation), ("contractorChecksPerMonth", s.ContractorChecksPerMonth),
                 })
        {
            Check(file, "standards." + name, value, v => v > 0, "应为正整数");
        }
        Check(file, "standards.requiredActivityKinds", s.RequiredActivityKinds,
            v => v.Length > 0 && v.All(k => ActivityKinds.FromApi(k) is not null), "应为活动类型列表（" + ActivityKinds.ApiList + "）");
    }

    private static void ValidateStaff(string file, StaffRules s)
    {
        Check(file, "staff.stationStaff", s.StationStaff, v =>
            new object?[] { v.Min, v.RequiredRange, v.ByAgreement ? true : null }.Count(x => x is not null) == 1
            && (v.Min is null || v.Min.Value > 0) && (v.RequiredRange is null || RangeValid(v.RequiredRange)),
            "应只给出 min、requiredRange、byAgreement 中的一项，且人数大于0");
        Check(file, "staff.heads", s.Heads, RangeValid, "人数范围无效");
        Check(file, "staff.maxAge", s.MaxAge, v => v.Value is > 0 and < 100, "年龄应在0到100之间");
        Check(file, "staff.minEducation", s.MinEducation, Enum.IsDefined, "学历无效");
        Check(file, "staff.majors", s.Majors, v => v.Length > 0 && v.All(Enum.IsDefined), "专业类别不能为空");
        Check(file, "staff.qualification", s.Qualification, v => v.Length > 0 && v.All(OptionValid), "资质条件无效（每项须与其 kind 相符）");
        Check(file, "staff.certificateDeadline", s.CertificateDeadline, v => v.Years > 0 && v.WarnMonthsBefore >= 0 && v.Certificates.Length > 0, "期限、提醒月数或证书类别无效");
        Check(file, "staff.head", s.Head, v => v.Certificates.Length > 0 && v.Platforms.Length > 0 && (v.PracticeYears is null || v.PracticeYears.Value > 0), "证书类别或适用站点不能为空");
        Check(file, "staff.socialWorkerDefinition", s.SocialWorkerDefinition, v => v.Length > 0 && v.All(OptionValid), "认定条件无效（每项须与其 kind 相符）");
        Check(file, "staff.villageRoomStaff", s.VillageRoomStaff, v => v.Min.Value > 0 && (v.Certificates is null || v.Certificates.Length > 0), "人数应大于0");
        Check(file, "staff.annualTraining", s.AnnualTraining, v => v.Hours.Value > 0 && v.Platforms.Length > 0, "学时应大于0，适用站点不能为空");
        Check(file, "staff.villageContacts", s.VillageContacts, _ => true, "");
        Check(file, "staff.newCertificates", s.NewCertificates, v => v.Min.Value > 0 && v.Certificates.Length > 0, "人数应大于0，证书类别不能为空");
        Check(file, "staff.priorities", s.Priorities, v => v.Length > 0 && v.All(Enum.IsDefined), "优先条件不能为空");
    }

    /// <summary>A list of premises items: names not blank, each verb one the platform reads (docs/requirements/premises.md "Verbs").</summary>
    private static void CheckItems(string file, string field, Sourced<PremisesItem[]>? list) =>
        Check(file, field, list, v => v.Length > 0 && v.All(i => !string.IsNullOrWhiteSpace(i.Name) && Verbs.SeverityOf(i.Verb) is not null),
            $"不能为空，每项须有名称和原文用词（{string.Join("、", Verbs.Required)} 为必备；{string.Join("、", Verbs.Recommended)} 为建议）");

    private static bool RangeValid(CountRange r) =>
        (r.Min ?? r.Max) is not null && (r.Min is null || r.Min.Value >= 0) && (r.Max is null || r.Max.Value > 0)
        && (r.Min is null || r.Max is null || r.Min.Value <= r.Max.Value);

    private static bool OptionValid(QualificationOption o) => o.Kind switch
    {
        QualificationKind.Major => o.Majors is { Length: > 0 } && o.Certificates is null && o.Hours is null,
        QualificationKind.Certificate => o.Certificates is { Length: > 0 } && o.Majors is null && o.Hours is null,
        QualificationKind.Training => o.Hours is { Value: > 0 } && (o.WindowYears is > 0) != (o.Since is not null) && o.Majors is null && o.Certificates is null,
        _ => false,
    };

    private static void NotBlank(string file, string field, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new PolicyProfileException(file, field, "不能为空");
        }
    }

    /// <summary>Every value must name its source clause; the value itself must make sense.</summary>
    public static void Check<T>(string file, string field, Sourced<T>? value, Func<T, bool> valid, string problem)
    {
        if (value is null)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(value.Source))
        {
            throw new PolicyProfileException(file, field + ".source", "缺少出处（文件与条款）");
        }
        if (!valid(value.Value))
        {
            throw new PolicyProfileException(file, field + ".value", problem);
        }
    }
}
