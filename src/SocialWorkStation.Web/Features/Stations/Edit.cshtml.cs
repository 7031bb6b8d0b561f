using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Stations;

/// <summary>
/// Creates a station (/Stations/Edit) or edits one (/Stations/Edit/{id}) through SaveStation. Rooms and
/// equipment are repeatable rows added and removed by submit buttons, so the form works without JavaScript.
/// </summary>
[Authorize(Policy = Permissions.StationsUpdate)]
public sealed class EditModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    private const string RegionField = "Input.RegionCode";

    [BindProperty] public StationForm Input { get; set; } = new();

    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    /// <summary>Kind, region and profile are the bureau's to set (SaveStation); others see them read-only.</summary>
    public bool CanMove => User.Can(Permissions.StationsCreate);
    public RegionPickerModel Picker { get; private set; } = null!;
    public IReadOnlyList<StationDto> ParentOptions { get; private set; } = [];
    public IReadOnlyList<OrganisationDto> ContractorOptions { get; private set; } = [];
    public string? ContractorName { get; private set; }
    public string? RegionText { get; private set; }
    /// <summary>Set when the station changed since the user opened it: what is saved now.</summary>
    public StationDto? Saved { get; private set; }
    /// <summary>What the user submitted when the conflict was found.</summary>
    public StationForm? Submitted { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var dto = await GetStation.Handle(db, User.Scope(), existing, ct);
            Input = StationForm.From(dto);
            ContractorName = dto.ContractorName;
        }
        else
        {
            if (!CanMove)
            {
                return Forbid();
            }
            var scopeCode = User.Scope().RegionCode;
            Input = new StationForm
            {
                Kind = "station",
                ProfileKey = profiles.All.FirstOrDefault(p => p.RegionCode is { } c && scopeCode is not null && scopeCode.StartsWith(c, StringComparison.Ordinal))?.Key,
                Rooms = [new RoomRow()],
                Equipment = [new EquipmentRow()],
            };
        }
        await PrepareAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is null && !CanMove)
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            try
            {
                var saved = id is { } existing
                    ? await SaveStation.Update(db, profiles, User, existing, Input.ToInput(), ct)
                    : await SaveStation.Create(db, profiles, clock, User, Input.ToInput(), ct);
                TempData["Message"] = IsNew ? $"已新建站点“{saved.Name}”。" : $"已保存“{saved.Name}”的修改。";
                return RedirectToPage("/Stations/Details", new { id = saved.Id });
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(StationForm));
            }
            catch (BusinessRuleException ex)
            {
                ShowError(ex, nameof(Input), typeof(StationForm));
            }
            catch (Exception ex) when (ex is ConflictException or DbUpdateConcurrencyException && id is not null)
            {
                db.ChangeTracker.Clear();
                Saved = await GetStation.Handle(db, User.Scope(), id!.Value, ct);
                Submitted = Input;
                // Submitting again after reading both versions saves the user's version over the current one.
                ModelState.Remove("Input.Version");
                Input.Version = Saved.Version;
                ModelState.AddModelError("", "您编辑期间，这个站点已被他人修改并保存。请对照下方两个版本：确认后再次点击“保存”，将以您填写的内容为准；如要放弃您的修改，请点击“取消”。");
            }
        }
        await PrepareAsync(null, ct);
        return Page();
    }

    public Task<IActionResult> OnPostAddRoomAsync(Guid? id, CancellationToken ct) => RedrawAsync(id, () => Input.Rooms.Add(new RoomRow()), ct);

    public Task<IActionResult> OnPostRemoveRoomAsync(Guid? id, int index, CancellationToken ct) =>
        RedrawAsync(id, () => { if (index >= 0 && index < Input.Rooms.Count) Input.Rooms.RemoveAt(index); }, ct);

    public Task<IActionResult> OnPostAddEquipmentAsync(Guid? id, CancellationToken ct) => RedrawAsync(id, () => Input.Equipment.Add(new EquipmentRow()), ct);

    public Task<IActionResult> OnPostRemoveEquipmentAsync(Guid? id, int index, CancellationToken ct) =>
        RedrawAsync(id, () => { if (index >= 0 && index < Input.Equipment.Count) Input.Equipment.RemoveAt(index); }, ct);

    /// <summary>The region picker without JavaScript: choose a region or open the next level, keeping all that was typed.</summary>
    public async Task<IActionResult> OnPostRegionAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        var (pick, browse) = RegionPicker.Read(Request.Form, RegionField);
        if (pick is not null && CanMove)
        {
            Input.RegionCode = pick;
        }
        ModelState.Clear();
        await PrepareAsync(browse, ct);
        return Page();
    }

    private async Task<IActionResult> RedrawAsync(Guid? id, Action change, CancellationToken ct)
    {
        Id = id;
        change();
        // The rows moved: show the model's values, not the posted ones under the old indexes.
        ModelState.Clear();
        await PrepareAsync(null, ct);
        return Page();
    }

    private async Task PrepareAsync(string? browse, CancellationToken ct)
    {
        var scope = User.Scope();
        Picker = await RegionPicker.Build(db, RegionField, "所在区划", Input.RegionCode, browse, scope.RegionCode, RegionLevel.Village,
            "县级中心选县（市、区），社工站选乡镇（街道），社工室选村（社区）。", ct);
        RegionText = Picker.SelectedText;
        var parents = new List<StationDto>();
        foreach (var kind in new[] { "countyCentre", "station" })
        {
            parents.AddRange((await ListStations.Handle(db, scope, new ListStations.Query(Kind: kind), new PageRequest(1, PageRequest.MaxPageSize), ct)).Items);
        }
        ParentOptions = parents.Where(p => p.Id != Id).ToList();
        ContractorOptions = (await OrganisationUseCases.List(db, scope, "contractor", new PageRequest(1, PageRequest.MaxPageSize), ct)).Items;
        if (Input.ContractorId is { } cid && ContractorName is null && Id is { } sid && ContractorOptions.All(o => o.Id != cid))
        {
            ContractorName = (await GetStation.Handle(db, scope, sid, ct)).ContractorName;
        }
    }

    /// <summary>The two versions side by side, field by field, for the conflict view.</summary>
    public IEnumerable<(string Label, string Mine, string Theirs)> Differences()
    {
        if (Saved is not { } s || Submitted is not { } m)
        {
            yield break;
        }
        var theirs = StationForm.From(s);
        // Rows are compared as sets: the same rooms in another order are no difference.
        static string Rooms(StationForm f) => string.Join("、", f.Rooms.Where(r => !string.IsNullOrWhiteSpace(r.Name))
            .Select(r => r.Area is null ? r.Name!.Trim() : $"{r.Name!.Trim()}（{Ui.Number(r.Area)}㎡）").Order(StringComparer.Ordinal));
        static string Equipment(StationForm f) => string.Join("、", f.Equipment.Where(e => !string.IsNullOrWhiteSpace(e.Name))
            .Select(e => $"{e.Name!.Trim()}×{e.Quantity ?? 1}").Order(StringComparer.Ordinal));
        yield return ("名称", m.Name ?? "", theirs.Name ?? "");
        yield return ("类型", StationLabels.Kind(m.Kind), StationLabels.Kind(theirs.Kind));
        yield return ("所在区划", m.RegionCode ?? "", theirs.RegionCode ?? "");
        yield return ("政策方案", ProfileName(m.ProfileKey), ProfileName(theirs.ProfileKey));
        yield return ("地址", m.Address ?? "", theirs.Address ?? "");
        yield return ("电话", m.Phone ?? "", theirs.Phone ?? "");
        yield return ("开放时间", m.OpeningHours ?? "", theirs.OpeningHours ?? "");
        yield return ("办公面积（平方米）", Ui.Number(m.FloorArea), Ui.Number(theirs.FloorArea));
        yield return ("消防设施", m.FireSafety ? "已配备" : "未配备", theirs.FireSafety ? "已配备" : "未配备");
        yield return ("核定驻站社工人数", m.RequiredStaff?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", theirs.RequiredStaff?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        yield return ("功能室", Rooms(m), Rooms(theirs));
        yield return ("办公设备", Equipment(m), Equipment(theirs));
    }

    public string ProfileName(string? key) => profiles.Find(key)?.Name ?? key ?? "";
    public IReadOnlyCollection<Domain.Profiles.PolicyProfile> Profiles => profiles.All;
}

/// <summary>The station form: the fields of StationInput, named as the API names them (in PascalCase).</summary>
public sealed class StationForm
{
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? RegionCode { get; set; }
    public string? ProfileKey { get; set; }
    public Guid? ParentId { get; set; }
    public Guid? ContractorId { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? OpeningHours { get; set; }
    public decimal? FloorArea { get; set; }
    public bool FireSafety { get; set; }
    public List<RoomRow> Rooms { get; set; } = [];
    public List<EquipmentRow> Equipment { get; set; } = [];
    public int? Version { get; set; }
    /// <summary>The number of resident workers the county set (Wenzhou 3-8, Hunan's agreement); the bureau's to set.</summary>
    public int? RequiredStaff { get; set; }

    public StationInput ToInput() => new(
        Name, Kind, RegionCode?.Trim(), ProfileKey, ParentId, ContractorId, Address, Phone, OpeningHours, FloorArea, FireSafety,
        Rooms.Select(r => new RoomDto(r.Name ?? "", r.Area)).ToList(),
        Equipment.Select(e => new EquipmentDto(e.Name ?? "", e.Quantity ?? 1)).ToList(),
        Version, RequiredStaff);

    public static StationForm From(StationDto s) => new()
    {
        Name = s.Name, Kind = s.Kind, RegionCode = s.RegionCode, ProfileKey = s.ProfileKey, ParentId = s.ParentId,
        ContractorId = s.ContractorId, Address = s.Address, Phone = s.Phone, OpeningHours = s.OpeningHours,
        FloorArea = s.FloorArea, FireSafety = s.FireSafety,
        Rooms = s.Rooms.Select(r => new RoomRow { Name = r.Name, Area = r.Area }).ToList(),
        Equipment = s.Equipment.Select(e => new EquipmentRow { Name = e.Name, Quantity = e.Quantity }).ToList(),
        Version = s.Version,
        RequiredStaff = s.RequiredStaff,
    };
}

public sealed class RoomRow
{
    public string? Name { get; set; }
    public decimal? Area { get; set; }
}

public sealed class EquipmentRow
{
    public string? Name { get; set; }
    public int? Quantity { get; set; }
}
