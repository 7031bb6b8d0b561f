using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>One programme cycle: parties, stations, its agreements year by year, and the form that signs the next.</summary>
[Authorize(Policy = Permissions.AgreementsRead)]
public sealed class CycleModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : AppPageModel
{
    public ProgrammeCycleDto Cycle { get; private set; } = null!;
    public Domain.Profiles.PolicyProfile Profile { get; private set; } = null!;
    [BindProperty] public AgreementForm Input { get; set; } = new();

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Input.SignedOn = ChinaTime.Today(clock);
        Input.YearNumber = Cycle.Agreements.Count == 0 ? 1 : Cycle.Agreements.Max(a => a.YearNumber) + 1;
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.AgreementsManage))
        {
            return Forbid();
        }
        try
        {
            var dto = await SaveAgreement.Create(db, profiles, clock, User, id, Input.ToInput(null), ct);
            TempData["Message"] = $"已登记第{dto.YearNumber}年协议。";
            return RedirectToPage("/Agreements/Agreement", new { id = dto.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Input", typeof(AgreementForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, "Input", typeof(AgreementForm));
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(id, ct);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct)
    {
        Cycle = await ListCycles.One(db, profiles, clock, User, id, ct);
        Profile = AgreementAccess.Profile(profiles, Cycle.ProfileKey);
    }
}

/// <summary>The agreement form of the pages (signing and editing).</summary>
public sealed class AgreementForm
{
    public int? YearNumber { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? TermStart { get; set; }
    public DateOnly? TermEnd { get; set; }
    public decimal? Amount { get; set; }
    public List<string> Clauses { get; set; } = [];
    public DateOnly? FiledOn { get; set; }
    public DateOnly? WorkersPlacedOn { get; set; }
    public int? Version { get; set; }

    private static string? D(DateOnly? d) => d?.ToString("yyyy-MM-dd");

    public AgreementInput ToInput(int? version) => new(YearNumber, D(SignedOn), D(TermStart), D(TermEnd), Amount, Clauses, D(FiledOn), D(WorkersPlacedOn), version);

    public static AgreementForm From(AgreementDto a) => new()
    {
        YearNumber = a.YearNumber, SignedOn = DateOnly.Parse(a.SignedOn), TermStart = DateOnly.Parse(a.TermStart), TermEnd = DateOnly.Parse(a.TermEnd), Amount = a.Amount,
        Clauses = a.Clauses.ToList(), FiledOn = a.FiledOn is { } f ? DateOnly.Parse(f) : null, WorkersPlacedOn = a.WorkersPlacedOn is { } w ? DateOnly.Parse(w) : null, Version = a.Version,
    };
}
