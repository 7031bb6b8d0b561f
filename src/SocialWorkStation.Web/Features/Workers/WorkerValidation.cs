using System.Globalization;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Staff;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>Field errors in order, keyed by the JSON field name; the import maps them to sheet, row and column.</summary>
public sealed class FieldErrors
{
    public List<(string Field, string Message)> Items { get; } = [];

    public bool Any => Items.Count > 0;

    public void Add(string field, string message) => Items.Add((field, message));

    public RequestValidationException ToException() =>
        new(Items.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    public void ThrowIfAny()
    {
        if (Any) throw ToException();
    }
}

/// <summary>What validation needs from the database, loaded once: the station (null when not found or out of scope) and its villages.</summary>
public sealed record WorkerContext(Platform? Station, IReadOnlyDictionary<string, string> Villages, DateOnly Today);

/// <summary>A worker input that passed every field check.</summary>
public sealed record ValidWorker(
    Platform Station, string Name, string IdNumber, DateOnly BirthDate, Sex Sex, WorkerRole Role, Education Education, string? Major,
    MajorCategory MajorCategory, DateOnly HireDate, DateOnly? LeftOn, DateOnly? PracticeStartedOn,
    bool LocalHukou, bool ProvincialFreshGraduate, bool TrainingBaseIntern,
    IReadOnlyList<WorkerCertificate> Certificates, IReadOnlyList<WorkerTraining> Trainings, IReadOnlyList<string> ContactVillages)
{
    public void ApplyTo(Worker w)
    {
        w.PlatformId = Station.Id;
        w.Name = Name;
        w.IdNumber = IdNumber;
        w.BirthDate = BirthDate;
        w.Sex = Sex;
        w.Role = Role;
        w.Education = Education;
        w.Major = Major;
        w.MajorCategory = MajorCategory;
        w.HireDate = HireDate;
        w.LeftOn = LeftOn;
        w.PracticeStartedOn = PracticeStartedOn;
        w.LocalHukou = LocalHukou;
        w.ProvincialFreshGraduate = ProvincialFreshGraduate;
        w.TrainingBaseIntern = TrainingBaseIntern;
        w.Certificates.Clear();
        w.Certificates.AddRange(Certificates.Select(c => new WorkerCertificate { Kind = c.Kind, ObtainedOn = c.ObtainedOn, Registered = c.Registered }));
        w.Trainings.Clear();
        w.Trainings.AddRange(Trainings.Select(t => new WorkerTraining { Date = t.Date, Hours = t.Hours, Provider = t.Provider, Topic = t.Topic, Professional = t.Professional }));
        w.ContactVillages.Clear();
        w.ContactVillages.AddRange(ContactVillages.Select(v => new WorkerContactVillage { VillageCode = v }));
    }

    /// <summary>The candidate as the engine sees it (hiring check), without saving anything.</summary>
    public WorkerFacts ToFacts()
    {
        var w = new Worker();
        ApplyTo(w);
        return w.ToFacts(Station.Kind);
    }
}

/// <summary>Field checks of a worker, shared by the API, the pages, the hiring check and the Excel import.</summary>
public static class WorkerValidation
{
    public const int MinWorkingAge = 16;

    public static ValidWorker? Validate(WorkerInput input, WorkerContext ctx, FieldErrors errors, Worker? existing = null)
    {
        var start = errors.Items.Count;
        if (input.StationId is null)
        {
            errors.Add("stationId", "请选择所属站点");
        }
        else if (ctx.Station is null)
        {
            errors.Add("stationId", "站点不存在或不在您的权限范围内");
        }
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "请填写姓名");
        else if (name.Length > 50) errors.Add("name", "姓名不能超过50个字");

        IdNumber? id = null;
        if (existing is not null && input.IdNumber == IdNumber.MaskBesideBirthDate(existing.IdNumber))
        {
            // Sent back masked as read: the stored number stays.
            id = new IdNumber(existing.IdNumber, existing.BirthDate, existing.Sex);
        }
        else
        {
            id = IdNumber.TryParse(input.IdNumber, out var idError, ctx.Today);
            if (id is null) errors.Add("idNumber", idError!);
        }

        var role = StaffNames.FromApi<WorkerRole>(input.Role);
        if (role is null) errors.Add("role", "岗位应为 head（站长）或 worker（社工）");
        var education = StaffNames.FromApi<Education>(input.Education);
        if (education is null) errors.Add("education", "学历应为 highSchool（高中/中专及以下）、juniorCollege（大专）、bachelor（本科）、master（硕士研究生）或 doctor（博士研究生）");
        var category = StaffNames.FromApi<MajorCategory>(input.MajorCategory);
        if (category is null) errors.Add("majorCategory", "专业类别应为 socialWork（社会工作专业）、related（社会学、社会政策、民政管理、社区管理、社会保障等相关专业）或 other（其他专业）");
        var major = string.IsNullOrWhiteSpace(input.Major) ? null : input.Major.Trim();
        if (major is { Length: > 100 }) errors.Add("major", "所学专业不能超过100个字");

        var hire = Date(input.HireDate, "hireDate", "入职日期", errors, required: true);
        if (hire is { } h && id is not null && IdNumber.AgeOn(id.BirthDate, h) < MinWorkingAge)
        {
            errors.Add("hireDate", $"入职时未满{MinWorkingAge}周岁，请核对入职日期和身份证号码");
        }
        var left = Date(input.LeftOn, "leftOn", "离职日期", errors);
        if (left is { } l && hire is { } h2 && l <= h2) errors.Add("leftOn", "离职日期应晚于入职日期");
        var practice = Date(input.PracticeStartedOn, "practiceStartedOn", "实务起始日期", errors);
        if (practice is { } p)
        {
            if (p > ctx.Today) errors.Add("practiceStartedOn", "实务起始日期不能晚于今天");
            else if (id is not null && IdNumber.AgeOn(id.BirthDate, p) < MinWorkingAge) errors.Add("practiceStartedOn", $"实务起始时未满{MinWorkingAge}周岁，请核对");
        }

        var certificates = new List<WorkerCertificate>();
        for (var i = 0; i < (input.Certificates?.Count ?? 0); i++)
        {
            var c = input.Certificates![i];
            var field = $"certificates[{i}]";
            var kind = StaffNames.FromApi<CertificateKind>(c.Kind);
            if (kind is null) errors.Add(field + ".kind", "证书类别应为 nationalAssistant（助理社会工作师）、national（社会工作师）、nationalSenior（高级社会工作师）或 localWorker（地方社会工作员）");
            else if (!string.IsNullOrWhiteSpace(c.Level) && c.Level != StaffNames.Level(kind.Value)) errors.Add(field + ".level", $"证书等级与类别不符：{StaffNames.Chinese(kind.Value)}的等级为 {StaffNames.Level(kind.Value)}");
            var obtained = Date(c.ObtainedOn, field + ".obtainedOn", "取得日期", errors, required: true);
            if (obtained is { } o)
            {
                if (o > ctx.Today) errors.Add(field + ".obtainedOn", "取得日期不能晚于今天");
                else if (id is not null && o <= id.BirthDate) errors.Add(field + ".obtainedOn", "取得日期应晚于出生日期");
            }
            if (kind is not null && obtained is not null)
            {
                certificates.Add(new WorkerCertificate { Kind = kind.Value, ObtainedOn = obtained.Value, Registered = c.Registered ?? false });
            }
        }

        var trainings = new List<WorkerTraining>();
        for (var i = 0; i < (input.Trainings?.Count ?? 0); i++)
        {
            var t = input.Trainings![i];
            var field = $"trainings[{i}]";
            var date = Date(t.Date, field + ".date", "培训日期", errors, required: true);
            if (date is { } d && d > ctx.Today) errors.Add(field + ".date", "培训日期不能晚于今天（培训结束后再登记）");
            if (t.Hours is not { } hours) errors.Add(field + ".hours", "请填写学时");
            else if (hours <= 0 || hours > 1000) errors.Add(field + ".hours", "学时应大于0且不超过1000");
            else if (decimal.Round(hours, 1) != hours) errors.Add(field + ".hours", "学时最多保留1位小数");
            if (t.Provider is { Length: > 100 }) errors.Add(field + ".provider", "培训机构不能超过100个字");
            if (t.Topic is { Length: > 100 }) errors.Add(field + ".topic", "培训主题不能超过100个字");
            if (date is not null && t.Hours is > 0)
            {
                trainings.Add(new WorkerTraining { Date = date.Value, Hours = t.Hours.Value, Provider = Trim(t.Provider), Topic = Trim(t.Topic), Professional = t.Professional ?? false });
            }
        }

        var villages = new List<string>();
        for (var i = 0; i < (input.ContactVillages?.Count ?? 0); i++)
        {
            var v = input.ContactVillages![i]?.Trim() ?? "";
            var code = ctx.Villages.ContainsKey(v) ? v : ctx.Villages.FirstOrDefault(x => x.Value == v).Key;
            if (ctx.Station is { } st && st.Kind != PlatformKind.Station)
            {
                errors.Add($"contactVillages[{i}]", "只有乡镇（街道）社工站的人员可登记定点联系的村（社区）");
            }
            else if (code is null)
            {
                errors.Add($"contactVillages[{i}]", $"“{v}”不是本站所在乡镇（街道）的村（社区）");
            }
            else if (!villages.Contains(code))
            {
                villages.Add(code);
            }
        }

        if (errors.Items.Count > start)
        {
            return null;
        }
        return new ValidWorker(ctx.Station!, name!, id!.Value, id.BirthDate, id.Sex, role!.Value, education!.Value, major, category!.Value,
            hire!.Value, left, practice, input.LocalHukou ?? false, input.ProvincialFreshGraduate ?? false, input.TrainingBaseIntern ?? false,
            certificates, trainings, villages);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static DateOnly? Date(string? value, string field, string label, FieldErrors errors, bool required = false)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) errors.Add(field, $"请填写{label}");
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year >= 1900)
        {
            return d;
        }
        errors.Add(field, $"{label}格式应为 YYYY-MM-DD，如 2026-03-01");
        return null;
    }
}
