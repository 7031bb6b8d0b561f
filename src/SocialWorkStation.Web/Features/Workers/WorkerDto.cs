using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Staff;

namespace SocialWorkStation.Web.Features.Workers;

public sealed record CertificateDto(string Kind, string Level, DateOnly ObtainedOn, bool Registered);

public sealed record TrainingDto(DateOnly Date, decimal Hours, string? Provider, string? Topic, bool Professional);

/// <summary>A worker's compliance today in brief: for the badge in lists.</summary>
public sealed record ComplianceBadge(bool Compliant, int Errors, int Warnings);

/// <summary>
/// A worker as docs/requirements/api.md fixes it. <c>idNumber</c> is always masked (460***********1234); POST
/// /api/v1/workers/{id}/reveal with a reason returns it in full to those whose role needs it.
/// </summary>
public sealed record WorkerDto(
    Guid Id, Guid StationId, string? StationName, string StationKind, string? ProfileKey,
    string Name, string IdNumber, DateOnly BirthDate, string Sex, string Role,
    string Education, string? Major, string MajorCategory,
    DateOnly HireDate, DateOnly? LeftOn, DateOnly? PracticeStartedOn, bool Active,
    bool LocalHukou, bool ProvincialFreshGraduate, bool TrainingBaseIntern,
    IReadOnlyList<CertificateDto> Certificates, IReadOnlyList<TrainingDto> Trainings,
    IReadOnlyList<string> ContactVillages, IReadOnlyList<string> ContactVillageNames,
    ComplianceBadge? Compliance, int Version)
{
    public static WorkerDto From(Worker w, DateOnly today, ComplianceBadge? badge = null, IReadOnlyDictionary<string, string>? villageNames = null) => new(
        w.Id, w.PlatformId, w.Platform?.Name, w.Platform is null ? "" : PlatformKinds.ToApi(w.Platform.Kind), w.Platform?.ProfileKey,
        w.Name, Domain.IdNumbers.IdNumber.MaskBesideBirthDate(w.IdNumber), w.BirthDate, w.Sex == Domain.IdNumbers.Sex.Male ? "male" : "female", StaffNames.Api(w.Role),
        StaffNames.Api(w.Education), w.Major, StaffNames.Api(w.MajorCategory),
        w.HireDate, w.LeftOn, w.PracticeStartedOn, w.ActiveOn(today),
        w.LocalHukou, w.ProvincialFreshGraduate, w.TrainingBaseIntern,
        w.Certificates.OrderBy(c => c.ObtainedOn).Select(c => new CertificateDto(StaffNames.Api(c.Kind), StaffNames.Level(c.Kind), c.ObtainedOn, c.Registered)).ToList(),
        w.Trainings.OrderBy(t => t.Date).Select(t => new TrainingDto(t.Date, t.Hours, t.Provider, t.Topic, t.Professional)).ToList(),
        w.ContactVillages.Select(v => v.VillageCode).Order(StringComparer.Ordinal).ToList(),
        w.ContactVillages.Select(v => v.VillageCode).Order(StringComparer.Ordinal).Select(c => villageNames?.GetValueOrDefault(c) ?? c).ToList(),
        badge, w.Version);
}

public sealed record CertificateInput(string? Kind, string? Level, string? ObtainedOn, bool? Registered);

/// <summary>
/// A training record. <c>professional</c>: social work professional training held by a civil affairs department
/// at county level or above, an incubation base or a social work industry body; only it counts towards the
/// 120-hour alternative. Omitted means false.
/// </summary>
public sealed record TrainingInput(string? Date, decimal? Hours, string? Provider, string? Topic, bool? Professional);

/// <summary>
/// What a client sends to create or update a worker, or to check a candidate before hiring. Dates are
/// YYYY-MM-DD strings so that a wrong date is reported on its field. <c>version</c> is required on update;
/// an <c>idNumber</c> sent back masked as it was read leaves the stored number unchanged.
/// </summary>
public sealed record WorkerInput(
    Guid? StationId, string? Name, string? IdNumber, string? Role, string? Education, string? Major, string? MajorCategory,
    string? HireDate, string? LeftOn = null, string? PracticeStartedOn = null,
    bool? LocalHukou = null, bool? ProvincialFreshGraduate = null, bool? TrainingBaseIntern = null,
    IReadOnlyList<CertificateInput>? Certificates = null, IReadOnlyList<TrainingInput>? Trainings = null,
    IReadOnlyList<string>? ContactVillages = null, int? Version = null);

public sealed record RevealInput(string? Reason);

public sealed record RevealDto(string IdNumber);

public sealed record HintDto(string Priority, bool Met, string Message, string Source);

/// <summary>A hiring check: the docs/requirements/api.md compliance answer plus the ranking hints; nothing is saved.</summary>
public sealed record HiringCheckDto(bool Compliant, string Date, IReadOnlyList<Stations.FindingDto> Findings, IReadOnlyList<HintDto> Hints);

public static class WorkerFactsMapping
{
    public static WorkerFacts ToFacts(this Worker w, PlatformKind kind) => new()
    {
        Name = w.Name,
        BirthDate = w.BirthDate,
        Role = w.Role,
        PlatformKind = kind,
        HireDate = w.HireDate,
        LeftOn = w.LeftOn,
        PracticeStartedOn = w.PracticeStartedOn,
        Education = w.Education,
        MajorCategory = w.MajorCategory,
        Major = w.Major,
        Certificates = w.Certificates.Select(c => new CertificateFacts(c.Kind, c.ObtainedOn, c.Registered)).ToList(),
        Trainings = w.Trainings.Select(t => new TrainingFacts(t.Date, t.Hours, t.Professional)).ToList(),
        LocalHukou = w.LocalHukou,
        ProvincialFreshGraduate = w.ProvincialFreshGraduate,
        TrainingBaseIntern = w.TrainingBaseIntern,
        ContactVillages = w.ContactVillages.Select(v => v.VillageCode).ToList(),
    };
}
