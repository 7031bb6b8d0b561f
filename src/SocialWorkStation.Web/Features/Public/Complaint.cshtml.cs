using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Calendar;
using SocialWorkStation.Domain.Complaints;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Complaints;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Public;

public sealed class PublicComplaintForm
{
    public string? Kind { get; set; } = "complaint";
    public string? Text { get; set; }
    public string? Name { get; set; }
    public string? Phone { get; set; }
    /// <summary>The honeypot: hidden from people, filled by bots.</summary>
    public string? Website { get; set; }
}

/// <summary>The public complaint form of a station (docs/requirements/public.md §4): anonymous, no script, antiforgery, rate-limited POST.</summary>
[AllowAnonymous, EnableRateLimiting(ComplaintEndpoints.FilePolicy)]
public sealed class ComplaintModel(AppDbContext db, RecipientProtector protector, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    [BindProperty] public PublicComplaintForm Input { get; set; } = new();
    public Guid StationId { get; private set; }
    public string StationName { get; private set; } = "";
    public string ReceiverText { get; private set; } = "";
    public int AnswerWorkingDays { get; private set; }
    public FiledComplaintDto? Filed { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await Load(id, ct) ? Page() : NotFoundPage("站点不存在");

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await Load(id, ct)) return NotFoundPage("站点不存在");
        try
        {
            Filed = await ComplaintUseCases.File(db, protector, profiles, clock, new PublicComplaintInput(id, Input.Kind, Input.Text, Input.Name, Input.Phone, Input.Website), ct);
            ModelState.Clear();
            Input = new PublicComplaintForm();
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(PublicComplaintForm));
        }
        return Page();
    }

    private async Task<bool> Load(Guid id, CancellationToken ct)
    {
        var station = await db.Platforms.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Id, p.Name, p.ProfileKey }).FirstOrDefaultAsync(ct);
        if (station is null) return false;
        var rules = ComplaintUseCases.Rules(profiles, station.ProfileKey);
        (StationId, StationName, ReceiverText, AnswerWorkingDays) = (station.Id, station.Name, ComplaintLabels.Receiver(rules.Receiver.Value), rules.AnswerWorkingDays.Value);
        return true;
    }
}
