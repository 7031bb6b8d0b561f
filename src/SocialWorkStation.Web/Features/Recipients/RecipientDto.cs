using System.Text.Json;
using SocialWorkStation.Domain.IdNumbers;
using SocialWorkStation.Domain.Names;
using SocialWorkStation.Domain.Recipients;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

public sealed record ConsentDto(bool Given, DateOnly? On, string? By, bool Sensitive, string? GuardianName);

public sealed record GuardianDto(string Name, string Relation, string? Phone);

/// <summary>Health, disability (type and grade 1–4), monthly income in yuan, case-sensitive notes.</summary>
public sealed record SensitiveDto(string? Health, string? DisabilityType, int? DisabilityGrade, decimal? MonthlyIncome, string? Notes);

public sealed record HouseholdMemberDto(Guid Id, string Name, string Relation);

/// <summary>The same ID number registered by another station: shown to both, never merged.</summary>
/// <summary>
/// The same ID number registered at another station. Outside the caller's scope only <see cref="Elsewhere"/> is sent:
/// no record id, no station, just whom to ask.
/// </summary>
public sealed record DuplicateDto(Guid? RecipientId, Guid? StationId, string? StationName, bool OutsideScope, string? Note = null)
{
    public static readonly DuplicateDto Elsewhere = new(null, null, null, true, "该人员已在您管辖范围以外的地方登记，请向县（市、区）民政局核实");
}

/// <summary>
/// One recipient (docs/requirements/api.md). Unless <c>revealed</c> is true, <c>name</c>, <c>idNumber</c>, <c>phone</c> and the
/// guardians are masked, <c>birthDate</c> and <c>sensitive</c> are null (the birth year and age remain):
/// with the last four digits shown, the birth date would give the ID number away.
/// </summary>
public sealed record RecipientDto(
    Guid Id, Guid StationId, string? StationName, string Name, string IdNumber, string Sex, DateOnly? BirthDate, int BirthYear, int Age,
    string? Phone, string? VillageCode, string? VillageName, string? Address, IReadOnlyList<string> Categories, string RiskLevel,
    Guid? WorkerId, string Status, DateOnly? StatusDate, DateOnly RegisteredOn, ConsentDto Consent, IReadOnlyList<GuardianDto> Guardians,
    Guid? HouseholdId, string Relation, IReadOnlyList<HouseholdMemberDto> Household, IReadOnlyList<DuplicateDto> Duplicates,
    SensitiveDto? Sensitive, bool Revealed, int Version)
{
    /// <summary>The responsible worker's name, when the worker is visible to the caller.</summary>
    public string? WorkerName { get; init; }
}

/// <summary>A search result: always masked.</summary>
public sealed record RecipientListItem(
    Guid Id, Guid StationId, string? StationName, string Name, string IdNumber, string Sex, int Age, string? VillageCode, string? VillageName,
    IReadOnlyList<string> Categories, string RiskLevel, Guid? WorkerId, string Status, bool Duplicate);

public sealed record ConsentInput(bool? Given, DateOnly? On, string? By, bool? Sensitive, string? GuardianName);

public sealed record GuardianInput(string? Name, string? Relation, string? Phone);

/// <summary>
/// What a client sends to register or update a recipient. On update, a masked value sent back as read
/// (<c>idNumber</c> or <c>phone</c> containing *, a null <c>sensitive</c>) keeps the stored value; <c>version</c> is required.
/// <c>householdOf</c> joins the household of another recipient of the station with <c>relation</c> to its head.
/// </summary>
public sealed record RecipientInput(
    Guid? StationId, string? Name, string? IdNumber, string? Phone, string? VillageCode, string? Address, IReadOnlyList<string>? Categories,
    string? RiskLevel, Guid? WorkerId, string? Status, DateOnly? StatusDate, DateOnly? RegisteredOn, ConsentInput? Consent,
    IReadOnlyList<GuardianInput>? Guardians, Guid? HouseholdOf, string? Relation, SensitiveDto? Sensitive, int? Version);

public sealed record RevealInput(string? Reason);

/// <summary>API names and Chinese labels of the recipient enums.</summary>
public static class RecipientNames
{
    public static string Api<T>(T value) where T : struct, Enum => JsonNames.Camel(value.ToString());

    public static T? Parse<T>(string? api) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Api(v!.Value), api?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Chinese(Sex s) => s == Sex.Male ? "男" : "女";

    public static string Chinese(RiskLevel r) => r switch
    {
        RiskLevel.High => "高风险", RiskLevel.Medium => "中风险", RiskLevel.Low => "低风险", _ => "未评估",
    };

    public static string Chinese(RecipientStatus s) => s switch
    {
        RecipientStatus.Active => "在册", RecipientStatus.Moved => "已迁出", RecipientStatus.Deceased => "已故", _ => "已归档",
    };

    public static string Chinese(HouseholdRelation r) => r switch
    {
        HouseholdRelation.Head => "户主", HouseholdRelation.Spouse => "配偶", HouseholdRelation.Child => "子女", HouseholdRelation.Parent => "父母",
        HouseholdRelation.Grandchild => "孙子女", HouseholdRelation.Grandparent => "祖父母", HouseholdRelation.Sibling => "兄弟姐妹",
        HouseholdRelation.ChildInLaw => "儿媳/女婿", _ => "其他",
    };

    public static readonly IReadOnlyList<(string Api, string Chinese)> DisabilityTypes =
    [
        ("visual", "视力残疾"), ("hearing", "听力残疾"), ("speech", "言语残疾"), ("physical", "肢体残疾"),
        ("intellectual", "智力残疾"), ("mental", "精神残疾"), ("multiple", "多重残疾"),
    ];
}

/// <summary>Turns a stored recipient into what a caller may see.</summary>
public static class RecipientMapper
{
    public static DateOnly BirthDate(Recipient r, RecipientProtector p) =>
        DateOnly.ParseExact(p.Decrypt(r.BirthDateCipher, Recipient.Context(r.Id, "birthDate")), "yyyy-MM-dd");

    public static string IdNumber(Recipient r, RecipientProtector p) => p.Decrypt(r.IdNumberCipher, Recipient.Context(r.Id, "idNumber"));

    public static string? Phone(Recipient r, RecipientProtector p) => p.DecryptOrNull(r.PhoneCipher, Recipient.Context(r.Id, "phone"));

    public static string? GuardianPhone(Recipient r, RecipientGuardian g, RecipientProtector p) =>
        p.DecryptOrNull(g.PhoneCipher, Recipient.Context(r.Id, "guardianPhone"));

    public static SensitiveDetails? Sensitive(Recipient r, RecipientProtector p) =>
        p.DecryptOrNull(r.SensitiveCipher, Recipient.Context(r.Id, "sensitive")) is { } json ? JsonSerializer.Deserialize<SensitiveDetails>(json) : null;

    public static IReadOnlyList<string> Categories(long mask) => RecipientCategories.FromMask(mask).Select(RecipientCategories.ToApi).ToList();

    public static RecipientDto ToDto(Recipient r, RecipientProtector p, bool reveal, DateOnly today, string? stationName, string? villageName,
        IReadOnlyList<HouseholdMemberDto> household, IReadOnlyList<DuplicateDto> duplicates)
    {
        var birth = BirthDate(r, p);
        var id = IdNumber(r, p);
        var phone = Phone(r, p);
        var sensitive = reveal ? Sensitive(r, p) : null;
        return new RecipientDto(
            r.Id, r.StationId, stationName,
            reveal ? r.Name : Masking.Name(r.Name),
            reveal ? id : Masking.IdNumber(id),
            RecipientNames.Api(r.Sex), reveal ? birth : null, r.BirthYear, Domain.IdNumbers.IdNumber.AgeOn(birth, today),
            phone is null ? null : reveal ? phone : Masking.Phone(phone),
            r.VillageCode, villageName, r.Address, Categories(r.CategoryMask), RecipientNames.Api(r.RiskLevel), r.WorkerId,
            RecipientNames.Api(r.Status), r.StatusDate, r.RegisteredOn,
            new ConsentDto(r.ConsentGiven, r.ConsentOn, r.ConsentBy is { } by ? RecipientNames.Api(by) : null, r.SensitiveConsent,
                r.ConsentGuardianName is null ? null : reveal ? r.ConsentGuardianName : Masking.Name(r.ConsentGuardianName)),
            r.Guardians.Select(g => new GuardianDto(reveal ? g.Name : Masking.Name(g.Name), g.Relation,
                GuardianPhone(r, g, p) is { } gp ? reveal ? gp : Masking.Phone(gp) : null)).ToList(),
            r.HouseholdId, RecipientNames.Api(r.Relation), household, duplicates,
            sensitive is null ? null : new SensitiveDto(sensitive.Health, sensitive.DisabilityType, sensitive.DisabilityGrade, sensitive.MonthlyIncome, sensitive.Notes),
            reveal, r.Version);
    }
}
