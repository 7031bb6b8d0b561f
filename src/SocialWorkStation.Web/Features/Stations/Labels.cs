using SocialWorkStation.Domain.Platforms;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>Words the station pages show for API values.</summary>
public static class StationLabels
{
    public static readonly IReadOnlyList<(string Value, string Text)> Kinds =
    [
        (PlatformKinds.ToApi(PlatformKind.CountyCentre), PlatformKinds.Chinese(PlatformKind.CountyCentre)),
        (PlatformKinds.ToApi(PlatformKind.Station), PlatformKinds.Chinese(PlatformKind.Station)),
        (PlatformKinds.ToApi(PlatformKind.VillageRoom), PlatformKinds.Chinese(PlatformKind.VillageRoom)),
    ];

    public static string Kind(string? apiKind) => PlatformKinds.FromApi(apiKind) is { } k ? PlatformKinds.Chinese(k) : apiKind ?? "";
}
