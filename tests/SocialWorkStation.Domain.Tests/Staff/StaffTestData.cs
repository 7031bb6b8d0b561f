using SocialWorkStation.Domain.Common;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Domain.Staff;

namespace SocialWorkStation.Domain.Tests.Staff;

/// <summary>The shipped profiles and a worker who passes every rule unless a test changes one thing.</summary>
internal static class StaffTestData
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SocialWorkStation.slnx")))
            {
                return Path.Combine(dir.FullName, "src", "SocialWorkStation.Web", "Profiles");
            }
        }
        throw new InvalidOperationException("SocialWorkStation.slnx not found");
    });

    private static readonly Dictionary<string, PolicyProfile> Cache = new();

    public static PolicyProfile Profile(string key)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(key, out var p))
            {
                p = PolicyProfileParser.Parse(key + ".json", File.ReadAllText(Path.Combine(Folder.Value, key + ".json")));
                Cache[key] = p;
            }
            return p;
        }
    }

    public static DateOnly Day(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static CertificateFacts Cert(CertificateKind kind, string obtainedOn, bool registered = true) => new(kind, Day(obtainedOn), registered);

    public static TrainingFacts Training(string date, decimal hours, bool professional = true) => new(Day(date), hours, professional);

    /// <summary>Born 1990, bachelor in social work, a registered assistant certificate since 2019: passes everything.</summary>
    public static WorkerFacts Worker(
        string hire = "2022-03-01",
        string birth = "1990-05-10",
        WorkerRole role = WorkerRole.Worker,
        PlatformKind kind = PlatformKind.Station,
        Education education = Education.Bachelor,
        MajorCategory major = MajorCategory.SocialWork,
        CertificateFacts[]? certificates = null,
        TrainingFacts[]? trainings = null,
        string? left = null,
        string? practice = null,
        string[]? villages = null,
        string name = "张三") => new()
    {
        Name = name,
        BirthDate = Day(birth),
        Role = role,
        PlatformKind = kind,
        HireDate = Day(hire),
        LeftOn = left is null ? null : Day(left),
        PracticeStartedOn = practice is null ? null : Day(practice),
        Education = education,
        MajorCategory = major,
        Major = major switch { MajorCategory.SocialWork => "社会工作", MajorCategory.Related => "社会学", _ => "会计学" },
        Certificates = certificates ?? [Cert(CertificateKind.NationalAssistant, "2019-06-30")],
        Trainings = trainings ?? [],
        ContactVillages = villages ?? [],
    };

    public static Finding One(IEnumerable<Finding> findings, string rule) => Assert.Single(findings, f => f.Rule == rule);

    public static void Passes(Finding f) => Assert.True(f.Passed, f.Message);

    public static void Fails(Finding f, Severity severity)
    {
        Assert.False(f.Passed, f.Message);
        Assert.Equal(severity, f.Severity);
        Assert.Contains(f.Source, f.Message);
    }
}
