using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>
/// Creates or updates a station. Validation names the JSON field; an update must carry the version it
/// read (409 when stale). Region, kind and profile are the bureau's to set: a station head or a
/// contractor may edit the premises but not move the station.
/// </summary>
public static class SaveStation
{
    public static async Task<StationDto> Create(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, System.Security.Claims.ClaimsPrincipal user, StationInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var kind = await Validate(db, profiles, scope, input, isCreate: true, ct);
        var p = new Platform { Kind = kind, RegionCode = input.RegionCode!, ProfileKey = input.ProfileKey!, RequiredStaff = input.RequiredStaff, CreatedAt = clock.GetUtcNow().UtcDateTime };
        Apply(p, input);
        db.Platforms.Add(p);
        await db.SaveChangesAsync(ct);
        return await GetStation.Handle(db, scope, p.Id, ct);
    }

    public static async Task<StationDto> Update(AppDbContext db, ProfileCatalog profiles, System.Security.Claims.ClaimsPrincipal user, Guid id, StationInput input, CancellationToken ct)
    {
        var scope = user.Scope();
        var p = await GetStation.Load(db, scope, id, ct, tracking: true);
        if (input.Version is null)
        {
            throw RequestValidationException.For("version", "请提供读取时的版本号 version");
        }
        var kind = await Validate(db, profiles, scope, input, isCreate: false, ct, p.ParentId, p.Id);
        var moves = kind != p.Kind || input.RegionCode != p.RegionCode || input.ProfileKey != p.ProfileKey || input.ParentId != p.ParentId;
        if (moves && !user.Can(Permissions.StationsCreate))
        {
            throw new BusinessRuleException("只有民政局或系统管理员可以修改站点的类型、所在区划、政策方案和上级站点", "regionCode");
        }
        // The required headcount is the county's decision (Wenzhou 3-8, Hunan's agreement); omitted, it stays as it is,
        // so clients that predate the field keep working.
        if (input.RequiredStaff is { } required && required != p.RequiredStaff && !user.Can(Permissions.StationsCreate))
        {
            throw new BusinessRuleException("只有民政局或系统管理员可以核定驻站社工人数", "requiredStaff");
        }
        Versions.Check(db, p, input.Version, "站点");
        p.Kind = kind;
        p.RegionCode = input.RegionCode!;
        p.ProfileKey = input.ProfileKey!;
        p.RequiredStaff = input.RequiredStaff ?? p.RequiredStaff;
        Apply(p, input);
        await db.SaveChangesAsync(ct);
        return await GetStation.Handle(db, scope, p.Id, ct);
    }

    private static void Apply(Platform p, StationInput input)
    {
        p.Name = input.Name!.Trim();
        p.ParentId = input.ParentId;
        p.ContractorId = input.ContractorId;
        p.Address = input.Address?.Trim();
        p.Phone = input.Phone?.Trim();
        p.OpeningHours = input.OpeningHours?.Trim();
        p.FloorArea = input.FloorArea;
        p.HasFireSafetyEquipment = input.FireSafety ?? false;
        p.Rooms.Clear();
        p.Rooms.AddRange((input.Rooms ?? []).Where(r => !string.IsNullOrWhiteSpace(r.Name)).Select(r => new PlatformRoom { Name = r.Name.Trim(), Area = r.Area }));
        p.Equipment.Clear();
        p.Equipment.AddRange((input.Equipment ?? []).Where(e => !string.IsNullOrWhiteSpace(e.Name)).Select(e => new PlatformEquipment { Name = e.Name.Trim(), Quantity = e.Quantity }));
    }

    /// <param name="currentParent">The station's parent now: keeping it needs no sight of it (a station head cannot see the county centre above).</param>
    /// <param name="self">The station being updated (null on create), not counted against itself.</param>
    private static async Task<PlatformKind> Validate(AppDbContext db, ProfileCatalog profiles, UserScope scope, StationInput input, bool isCreate, CancellationToken ct, Guid? currentParent = null, Guid? self = null)
    {
        var errors = new Errors()
            .Required("name", input.Name, "站点名称")
            .MaxLength("name", input.Name, 100, "站点名称")
            .MaxLength("address", input.Address, 200, "地址")
            .MaxLength("phone", input.Phone, 30, "电话")
            .MaxLength("openingHours", input.OpeningHours, 100, "开放时间")
            .Required("regionCode", input.RegionCode, "所在区划")
            .Required("profileKey", input.ProfileKey, "政策方案");
        var kind = PlatformKinds.FromApi(input.Kind);
        if (kind is null)
        {
            errors.Add("kind", "请选择站点类型：countyCentre（县级中心）、station（社工站）或 villageRoom（社工室）");
        }
        if (input.RequiredStaff is < 1 or > 100)
        {
            errors.Add("requiredStaff", "核定驻站社工人数应在1到100之间");
        }
        if (input.FloorArea is < 0 or > 100000)
        {
            errors.Add("floorArea", "办公面积应在0到100000平方米之间");
        }
        if (input.ProfileKey is { Length: > 0 } key && profiles.Find(key) is null)
        {
            errors.Add("profileKey", "政策方案不存在");
        }
        for (var i = 0; i < (input.Rooms?.Count ?? 0); i++)
        {
            if (input.Rooms![i].Name is { Length: > 50 }) errors.Add($"rooms[{i}].name", "功能室名称不能超过50个字");
            // The column holds 10 digits with 2 decimals: a larger area would fail at the database instead of here.
            if (input.Rooms[i].Area is < 0 or > 100000) errors.Add($"rooms[{i}].area", "功能室面积应在0到100000平方米之间");
        }
        for (var i = 0; i < (input.Equipment?.Count ?? 0); i++)
        {
            if (input.Equipment![i].Name is { Length: > 50 }) errors.Add($"equipment[{i}].name", "设备名称不能超过50个字");
            if (input.Equipment[i].Quantity < 0) errors.Add($"equipment[{i}].quantity", "数量不能为负数");
        }
        if (input.RegionCode is { Length: > 0 } code)
        {
            var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
            if (region is null)
            {
                errors.Add("regionCode", "行政区划代码不存在");
            }
            else
            {
                var expected = kind switch
                {
                    PlatformKind.CountyCentre => RegionLevel.County,
                    PlatformKind.Station => RegionLevel.Township,
                    PlatformKind.VillageRoom => RegionLevel.Village,
                    _ => region.Level,
                };
                if (region.Level != expected)
                {
                    errors.Add("regionCode", kind switch
                    {
                        PlatformKind.CountyCentre => "县级中心应设在县（市、区）",
                        PlatformKind.Station => "社工站应设在乡镇（街道）",
                        _ => "社工室应设在村（社区）",
                    });
                }
                if (isCreate && !scope.ContainsRegion(code))
                {
                    errors.Add("regionCode", "该区划不在您的管辖范围内");
                }
            }
        }
        if (input.ParentId is { } parent && parent != currentParent && !await db.Platforms.VisibleTo(scope).AnyAsync(p => p.Id == parent, ct))
        {
            errors.Add("parentId", "上级站点不存在");
        }
        if (input.ContractorId is { } contractor && !await db.Organisations.AnyAsync(o => o.Id == contractor && o.Kind == Organisations.OrganisationKind.Contractor, ct))
        {
            errors.Add("contractorId", "承接机构不存在");
        }
        errors.ThrowIfAny();
        await CheckTiers(db, profiles.Find(input.ProfileKey!)!, kind!.Value, input, self, ct);
        if (input.ContractorId is { } contractorId)
        {
            // Who may contract under the profile (Ledong 一、（三）: not a company registered with the market regulator): 422 naming the clause.
            await Agreements.ContractorRuleCheck.Ensure(db, profiles.Find(input.ProfileKey!)!, contractorId, "contractorId", ct);
        }
        return kind.Value;
    }

    /// <summary>
    /// The three tiers (docs/requirements/tiers.md): one county centre per county, a village room under its township's
    /// station. A broken rule is 422 naming the field and the clause, on the page and the API alike.
    /// </summary>
    private static async Task CheckTiers(AppDbContext db, Domain.Profiles.PolicyProfile profile, PlatformKind kind, StationInput input, Guid? self, CancellationToken ct)
    {
        var code = input.RegionCode!;
        var parent = input.ParentId is { } parentId
            ? await db.Platforms.AsNoTracking().Where(p => p.Id == parentId).Select(p => new ParentFacts(p.Kind, p.RegionCode)).FirstOrDefaultAsync(ct)
            : null;
        var otherCentres = kind == PlatformKind.CountyCentre
            ? await db.Platforms.CountAsync(p => p.Kind == PlatformKind.CountyCentre && p.RegionCode == code && p.Id != self, ct)
            : 0;
        if (TierCheck.Check(profile, kind, code, parent, otherCentres) is { } problem)
        {
            throw new BusinessRuleException(problem.Message, problem.Field);
        }
    }
}
