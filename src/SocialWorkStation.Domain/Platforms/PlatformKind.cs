namespace SocialWorkStation.Domain.Platforms;

/// <summary>The three tiers of service platform (docs/requirements/domain.md §2).</summary>
public enum PlatformKind { CountyCentre = 1, Station = 2, VillageRoom = 3 }

public static class PlatformKinds
{
    public static string ToApi(PlatformKind kind) => kind switch
    {
        PlatformKind.CountyCentre => "countyCentre",
        PlatformKind.Station => "station",
        PlatformKind.VillageRoom => "villageRoom",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static PlatformKind? FromApi(string? value) => value switch
    {
        "countyCentre" => PlatformKind.CountyCentre,
        "station" => PlatformKind.Station,
        "villageRoom" => PlatformKind.VillageRoom,
        _ => null,
    };

    public static string Chinese(PlatformKind kind) => kind switch
    {
        PlatformKind.CountyCentre => "县级中心",
        PlatformKind.Station => "社工站",
        PlatformKind.VillageRoom => "社工室",
        _ => "",
    };
}
