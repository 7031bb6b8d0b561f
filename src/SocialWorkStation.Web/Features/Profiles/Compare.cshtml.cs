using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Domain.Profiles;
using SocialWorkStation.Web.Features.Shared;

namespace SocialWorkStation.Web.Features.Profiles;

/// <summary>Two profiles side by side, row by row from Entries(), differences marked.</summary>
public sealed class CompareModel(ProfileCatalog catalog) : AppPageModel
{
    [BindProperty(SupportsGet = true)] public string? A { get; set; }
    [BindProperty(SupportsGet = true)] public string? B { get; set; }

    public IReadOnlyCollection<PolicyProfile> All => catalog.All;
    public PolicyProfile? Left { get; private set; }
    public PolicyProfile? Right { get; private set; }
    public IReadOnlyList<(ProfileEntry Left, ProfileEntry Right)> Rows { get; private set; } = [];

    public void OnGet()
    {
        Left = catalog.Find(A);
        Right = catalog.Find(B);
        if (!string.IsNullOrEmpty(A) && Left is null)
        {
            ModelState.AddModelError(nameof(A), "没有这个方案");
        }
        if (!string.IsNullOrEmpty(B) && Right is null)
        {
            ModelState.AddModelError(nameof(B), "没有这个方案");
        }
        if (Left is not null && Right is not null)
        {
            var right = Right.Entries().ToDictionary(e => e.Path);
            Rows = Left.Entries().Select(l => (l, right.GetValueOrDefault(l.Path) ?? new ProfileEntry(l.Path, l.Label, null, null, null))).ToList();
        }
    }

    public static bool Differs(ProfileEntry a, ProfileEntry b) => a.Value != b.Value;
}
