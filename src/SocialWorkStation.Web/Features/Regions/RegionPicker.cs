using Microsoft.Extensions.Primitives;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Regions;

/// <summary>What the region picker shows: the chosen code with its path, and one level of the tree to choose from.</summary>
public sealed record RegionPickerModel(
    string Field,
    string Label,
    string? Code,
    IReadOnlyList<Region> Selected,
    bool CodeUnknown,
    string? Browse,
    IReadOnlyList<Region> Trail,
    IReadOnlyList<RegionDto> Options,
    RegionLevel Deepest,
    string? Start,
    string? Help)
{
    public string? SelectedText => Selected.Count == 0 ? null : string.Join(" › ", Selected.Select(r => r.Name));
}

/// <summary>
/// The region picker used inside forms. Without JavaScript its buttons submit the form to the page's
/// "Region" handler, which keeps everything typed and shows the next level; with htmx the same buttons
/// fetch only the picker from /Regions/Picker. A code may also be typed straight into the field.
/// </summary>
public static class RegionPicker
{
    public const string PickPrefix = "__pick.";
    public const string BrowsePrefix = "__browse.";

    public static async Task<RegionPickerModel> Build(AppDbContext db, string field, string label, string? code, string? browse,
        string? start, RegionLevel deepest, string? help, CancellationToken ct)
    {
        code = string.IsNullOrWhiteSpace(code) ? null : code.Trim();
        IReadOnlyList<Region> selected = [];
        var unknown = false;
        if (code is not null)
        {
            var path = await GetRegion.Path(db, code, ct);
            if (path.Count > 0 && path[^1].Code == code)
            {
                selected = path;
            }
            else
            {
                unknown = true;
            }
        }
        // "*" opens the top of the tree; nothing opens the level of the chosen region, or the user's own region.
        browse = browse == "*" ? null
            : string.IsNullOrWhiteSpace(browse) ? (selected.Count > 0 ? selected[^1].ParentCode : start)
            : browse.Trim();
        IReadOnlyList<RegionDto> options;
        IReadOnlyList<Region> trail = [];
        try
        {
            options = browse is null ? await GetRegion.Roots(db, ct) : await GetRegion.Children(db, browse, ct);
            if (browse is not null)
            {
                trail = await GetRegion.Path(db, browse, ct);
            }
        }
        catch (NotFoundException)
        {
            browse = null;
            options = await GetRegion.Roots(db, ct);
        }
        return new RegionPickerModel(field, label, code, selected, unknown, browse, trail, options, deepest, start, help);
    }

    /// <summary>Which picker button was pressed, read from a posted form or a query string.</summary>
    public static (string? Pick, string? Browse) Read(IEnumerable<KeyValuePair<string, StringValues>> values, string field)
    {
        string? pick = null, browse = null;
        foreach (var (key, value) in values)
        {
            if (key == PickPrefix + field)
            {
                pick = value.ToString();
            }
            else if (key == BrowsePrefix + field)
            {
                browse = value.ToString();
            }
        }
        return (string.IsNullOrWhiteSpace(pick) ? null : pick.Trim(), browse);
    }
}
