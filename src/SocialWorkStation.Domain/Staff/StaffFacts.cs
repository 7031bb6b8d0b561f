using SocialWorkStation.Domain.Platforms;

namespace SocialWorkStation.Domain.Staff;

public sealed record CertificateFacts(CertificateKind Kind, DateOnly ObtainedOn, bool Registered);

/// <summary>
/// A training record. <paramref name="Professional"/>: social work professional training held by a civil affairs
/// department at county level or above, a social organisation incubation base or a social work industry body
/// (Ledong 四(二)3, Qiongzhong (五)3(3)); only such training counts towards the 120-hour alternatives, while every
/// training counts towards the annual hours.
/// </summary>
public sealed record TrainingFacts(DateOnly Date, decimal Hours, bool Professional);

/// <summary>What the staff rules need to know about one worker or candidate.</summary>
public sealed record WorkerFacts
{
    public required string Name { get; init; }
    /// <summary>From the ID number (GB 11643).</summary>
    public required DateOnly BirthDate { get; init; }
    public required WorkerRole Role { get; init; }
    /// <summary>The kind of platform the worker serves at: station workers are the documents' 驻站社工.</summary>
    public required PlatformKind PlatformKind { get; init; }
    public required DateOnly HireDate { get; init; }
    /// <summary>The day the worker no longer works at the platform; from that day on they are not counted.</summary>
    public DateOnly? LeftOn { get; init; }
    /// <summary>When the worker began social work practice (for "2年以上实务经验"); the hire date when unknown.</summary>
    public DateOnly? PracticeStartedOn { get; init; }
    public required Education Education { get; init; }
    public required MajorCategory MajorCategory { get; init; }
    public string? Major { get; init; }
    public IReadOnlyList<CertificateFacts> Certificates { get; init; } = [];
    public IReadOnlyList<TrainingFacts> Trainings { get; init; } = [];
    public bool LocalHukou { get; init; }
    public bool ProvincialFreshGraduate { get; init; }
    public bool TrainingBaseIntern { get; init; }
    /// <summary>Codes of the villages (communities) the worker is the contact for (Wenzhou 六(二)2).</summary>
    public IReadOnlyCollection<string> ContactVillages { get; init; } = [];

    /// <summary>Working at the platform on that day: hired on or before it and not yet left.</summary>
    public bool ActiveOn(DateOnly day) => HireDate <= day && (LeftOn is null || day < LeftOn);

    /// <summary>The certificate of one of the kinds obtained earliest by that day, if any.</summary>
    public CertificateFacts? FirstCertificate(IReadOnlyCollection<CertificateKind> kinds, DateOnly by, bool registered = false) =>
        Certificates.Where(c => kinds.Contains(c.Kind) && c.ObtainedOn <= by && (!registered || c.Registered))
            .OrderBy(c => c.ObtainedOn).FirstOrDefault();
}

/// <summary>A village (community) of the station's township.</summary>
public sealed record VillageFacts(string Code, string Name);

/// <summary>
/// What the staffing rules need to know about a platform: its kind, the number of workers the county set for it
/// (Wenzhou's 3-8, Hunan's agreement), its workers (past and present; the check picks those at work on the date)
/// and, for a township station, the villages of the township.
/// </summary>
public sealed record StationStaffFacts(
    PlatformKind Kind,
    int? RequiredStaff,
    IReadOnlyList<WorkerFacts> Workers,
    IReadOnlyList<VillageFacts> Villages);
