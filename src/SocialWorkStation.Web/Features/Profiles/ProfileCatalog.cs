using SocialWorkStation.Domain.Profiles;

namespace SocialWorkStation.Web.Features.Profiles;

/// <summary>
/// The policy profiles, read once at start-up from Profiles/*.json. A malformed file stops start-up
/// with a message naming the file and the field (PolicyProfileException). Immutable afterwards, so
/// every web node holds the same copy from the same files.
/// </summary>
public sealed class ProfileCatalog
{
    private readonly Dictionary<string, PolicyProfile> _profiles;

    public ProfileCatalog(IEnumerable<PolicyProfile> profiles) =>
        _profiles = profiles.ToDictionary(p => p.Key, StringComparer.Ordinal);

    public IReadOnlyCollection<PolicyProfile> All => _profiles.Values.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();

    public PolicyProfile? Find(string? key) => key is not null && _profiles.TryGetValue(key, out var p) ? p : null;

    public static ProfileCatalog Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException($"政策方案文件夹不存在：{folder}");
        }
        var files = Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"政策方案文件夹中没有方案文件：{folder}");
        }
        return new ProfileCatalog(files.Select(f => PolicyProfileParser.Parse(Path.GetFileName(f), File.ReadAllText(f))));
    }
}
