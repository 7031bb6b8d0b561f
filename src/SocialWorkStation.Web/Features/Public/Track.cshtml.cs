using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Complaints;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

/// <summary>
/// The tracking page (docs/requirements/public.md §4): the number is posted, never put in the address; it opens the status,
/// the dates and the answer only, and the person's satisfaction once answered. Rate-limited POSTs.
/// </summary>
[AllowAnonymous, EnableRateLimiting(ComplaintEndpoints.TrackPolicy)]
public sealed class TrackModel(AppDbContext db, TimeProvider clock) : AppPageModel
{
    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Satisfaction { get; set; }
    public TrackedComplaintDto? Result { get; private set; }
    public bool NotFoundNumber { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Look(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSatisfactionAsync(CancellationToken ct)
    {
        try
        {
            Result = await ComplaintUseCases.RateByPerson(db, clock, new PublicSatisfactionInput(Number, Satisfaction), ct);
            TempData["Message"] = "感谢您的评价。";
            ViewData["Saved"] = true;
        }
        catch (NotFoundException)
        {
            NotFoundNumber = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (RequestValidationException ex)
        {
            ModelState.AddModelError(nameof(Satisfaction), ex.Errors.Values.SelectMany(v => v).First());
            await Look(ct);
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError(nameof(Satisfaction), ex.Message);
            await Look(ct);
        }
        return Page();
    }

    private async Task Look(CancellationToken ct)
    {
        try
        {
            Result = await ComplaintUseCases.Track(db, clock, Number, ct);
        }
        catch (NotFoundException)
        {
            NotFoundNumber = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
