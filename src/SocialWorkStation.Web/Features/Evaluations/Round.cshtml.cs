using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Evaluations;

/// <summary>One round: its stations, parties and tree; where the sheets stand; the bureau's close; the results once closed.</summary>
public sealed class RoundModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public RoundDto Round { get; private set; } = null!;
    public IReadOnlyList<SheetStatusDto> Sheets { get; private set; } = [];

    [BindProperty] public int? Version { get; set; }
    [BindProperty] public RectificationInput? Raise { get; set; }

    /// <summary>The round's rectification items in the caller's scope (after the close).</summary>
    public IReadOnlyList<RectificationDto> Rectifications { get; private set; } = [];
    /// <summary>The leaves of the round's tree, to raise an item on.</summary>
    public IReadOnlyList<(string Code, string Name)> Leaves { get; private set; } = [];

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct);

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.EvaluationsManage))
        {
            return Forbid();
        }
        try
        {
            await CloseRound.Handle(db, profiles, clock, User, id, new VersionInput(Version), ct);
            return RedirectToPage("/Evaluations/Round", new { id });
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddModelError("", string.Join("；", ex.Errors.SelectMany(e => e.Value)));
        }
        catch (Exception ex) when (ex is BusinessRuleException or ConflictException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        db.ChangeTracker.Clear();
        await Load(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRaiseAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.RectificationsRaise))
        {
            return Forbid();
        }
        try
        {
            await Evaluations.Rectifications.Raise(db, clock, User, id, Raise ?? new RectificationInput(null, null, null, null, null), ct);
            TempData["Message"] = "已提出整改事项。";
            return RedirectToPage("/Evaluations/Round", null, new { id }, "rectification-list");
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddModelError("", string.Join("；", ex.Errors.SelectMany(e => e.Value)));
        }
        catch (Exception ex) when (ex is BusinessRuleException or ConflictException)
        {
            ModelState.AddModelError("", ex.Message);
        }
        db.ChangeTracker.Clear();
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        var round = await GetRound.Load(db, User.Scope(), id, ct);
        Round = RoundDtos.Dto(round, profiles.Find(round.ProfileKey), User);
        Sheets = await ScoreSheets.Statuses(db, User, round, ct);
        if (round.Status == RoundStatus.Closed)
        {
            Rectifications = await Evaluations.Rectifications.ForRound(db, clock, User, id, ct);
            Leaves = round.Tree!.ToTree().Leaves().Select(l => (l.Code, l.Name)).ToList();
        }
    }
}
