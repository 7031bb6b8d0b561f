using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Regions;

/// <summary>The region picker alone, for htmx to swap into a form (GET /Regions/Picker?field=…).</summary>
public sealed partial class PickerModel(AppDbContext db) : AppPageModel
{
    public RegionPickerModel Picker { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string field, string? label, RegionLevel? deepest, string? start, string? pick, string? browse, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(field) || !FieldName().IsMatch(field))
        {
            return BadRequest();
        }
        var code = pick ?? Request.Query[field].ToString();
        Picker = await RegionPicker.Build(db, field, label ?? "所在区划", code, browse, start, deepest ?? RegionLevel.Village, null, ct);
        return Partial("_RegionPicker", Picker);
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_.\[\]]{0,80}$")]
    private static partial Regex FieldName();
}
