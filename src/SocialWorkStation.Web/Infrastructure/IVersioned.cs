namespace SocialWorkStation.Web.Infrastructure;

/// <summary>
/// A record edited by people: the client sends back the version it read, and a write whose version
/// is no longer current is refused with 409 instead of silently overwriting (api.md).
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
