using SocialWorkStation.Domain.Platforms;

namespace SocialWorkStation.Web.Features.Stations;

public sealed record RoomDto(string Name, decimal? Area);

public sealed record EquipmentDto(string Name, int Quantity);

/// <summary>A station as docs/requirements/api.md fixes it: id, name, kind, regionCode, profileKey, address, floorArea, version, and more.</summary>
public sealed record StationDto(
    Guid Id, string Name, string Kind, string RegionCode, string? RegionName, string ProfileKey,
    Guid? ParentId, Guid? ContractorId, string? ContractorName, string? Address, string? Phone, string? OpeningHours,
    decimal? FloorArea, bool FireSafety, IReadOnlyList<RoomDto> Rooms, IReadOnlyList<EquipmentDto> Equipment, int Version,
    int? RequiredStaff = null)
{
    public static StationDto From(Platform p, string? regionName) => new(
        p.Id, p.Name, PlatformKinds.ToApi(p.Kind), p.RegionCode, regionName, p.ProfileKey, p.ParentId, p.ContractorId,
        p.Contractor?.Name, p.Address, p.Phone, p.OpeningHours, p.FloorArea, p.HasFireSafetyEquipment,
        p.Rooms.OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new RoomDto(r.Name, r.Area)).ToList(),
        p.Equipment.OrderBy(e => e.Name, StringComparer.Ordinal).Select(e => new EquipmentDto(e.Name, e.Quantity)).ToList(), p.Version, p.RequiredStaff);
}

/// <summary>What a client sends to create or update a station. <c>version</c> is required on update.</summary>
public sealed record StationInput(
    string? Name, string? Kind, string? RegionCode, string? ProfileKey, Guid? ParentId, Guid? ContractorId,
    string? Address, string? Phone, string? OpeningHours, decimal? FloorArea, bool? FireSafety,
    IReadOnlyList<RoomDto>? Rooms, IReadOnlyList<EquipmentDto>? Equipment, int? Version, int? RequiredStaff = null);
