using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Platforms;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Recipients;

public sealed class ConsentForm
{
    public bool Given { get; set; }
    public DateOnly? On { get; set; }
    public string? By { get; set; }
    public bool Sensitive { get; set; }
    public string? GuardianName { get; set; }
}

public sealed class GuardianForm
{
    public string? Name { get; set; }
    public string? Relation { get; set; }
    public string? Phone { get; set; }
}

public sealed class SensitiveForm
{
    public string? Health { get; set; }
    public string? DisabilityType { get; set; }
    public int? DisabilityGrade { get; set; }
    public decimal? MonthlyIncome { get; set; }
    public string? Notes { get; set; }

    /// <summary>Something typed into a section the form never pre-fills means the user wants it saved.</summary>
    public bool HasAny => !string.IsNullOrWhiteSpace(Health) || !string.IsNullOrEmpty(DisabilityType) || DisabilityGrade is not null
        || MonthlyIncome is not null || !string.IsNullOrWhiteSpace(Notes);
}

/// <summary>The form mirrors the API's JSON, so a handler's field errors land under the right inputs.</summary>
public sealed class RecipientForm
{
    public Guid? StationId { get; set; }
    public string? Name { get; set; }
    public string? IdNumber { get; set; }
    public string? Phone { get; set; }
    public string? VillageCode { get; set; }
    public string? Address { get; set; }
    public List<string> Categories { get; set; } = [];
    public string? RiskLevel { get; set; }
    public Guid? WorkerId { get; set; }
    public string? Status { get; set; }
    public DateOnly? StatusDate { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    public ConsentForm Consent { get; set; } = new();
    public List<GuardianForm> Guardians { get; set; } = [];
    /// <summary>Unticked and left empty, the stored health, income and notes stay as they are (the form never shows them).</summary>
    public bool UpdateSensitive { get; set; }
    public SensitiveForm Sensitive { get; set; } = new();
    public int? Version { get; set; }

    public RecipientInput ToInput() => new(StationId, Name, IdNumber, Phone, VillageCode, Address, Categories, RiskLevel, WorkerId, Status, StatusDate, RegisteredOn,
        new ConsentInput(Consent.Given, Consent.On, Consent.By, Consent.Sensitive, Consent.GuardianName),
        Guardians.Where(g => !string.IsNullOrWhiteSpace(g.Name) || !string.IsNullOrWhiteSpace(g.Phone)).Select(g => new GuardianInput(g.Name, g.Relation, g.Phone)).ToList(),
        null, null,
        UpdateSensitive || Sensitive.HasAny ? new SensitiveDto(Sensitive.Health, string.IsNullOrEmpty(Sensitive.DisabilityType) ? null : Sensitive.DisabilityType, Sensitive.DisabilityGrade, Sensitive.MonthlyIncome, Sensitive.Notes) : null,
        Version);

    public static RecipientForm From(RecipientDto r) => new()
    {
        StationId = r.StationId, Name = null, IdNumber = r.IdNumber, Phone = r.Phone, VillageCode = r.VillageCode, Address = r.Address,
        Categories = r.Categories.ToList(), RiskLevel = r.RiskLevel, WorkerId = r.WorkerId, Status = r.Status, StatusDate = r.StatusDate, RegisteredOn = r.RegisteredOn,
        Consent = new ConsentForm { Given = r.Consent.Given, On = r.Consent.On, By = r.Consent.By, Sensitive = r.Consent.Sensitive, GuardianName = r.Consent.GuardianName },
        Guardians = r.Guardians.Select(g => new GuardianForm { Name = g.Name, Relation = g.Relation, Phone = g.Phone }).ToList(),
        Version = r.Version,
    };
}

/// <summary>
/// Registers (/Recipients/Edit) or edits (/Recipients/Edit/{id}) a recipient through SaveRecipient. Editing
/// starts from the revealed record only for users who may reveal (with a reason written to the audit trail);
/// others edit the masked form, whose masked values are kept as stored.
/// </summary>
[Authorize(Policy = Permissions.RecipientsWrite)]
public sealed class EditModel(AppDbContext db, RecipientProtector protector, AuditLog audit, TimeProvider clock) : AppPageModel
{
    [BindProperty] public RecipientForm Input { get; set; } = new();
    public Guid? Id { get; private set; }
    public bool IsNew => Id is null;
    public string? CurrentName { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> StationOptions { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> VillageOptions { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> WorkerOptions { get; private set; } = [];

    public async Task OnGetAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        if (id is { } existing)
        {
            var dto = await GetRecipient.ToDto(db, protector, clock, User.Scope(), await GetRecipient.Load(db, User.Scope(), existing, ct), reveal: false, ct);
            Input = RecipientForm.From(dto);
            // The name is shown masked elsewhere; to edit it the worker types it anew (blank keeps nothing, so it is required).
            CurrentName = dto.Name;
        }
        else
        {
            Input = new RecipientForm
            {
                StationId = User.Scope().StationId, RiskLevel = "none", Status = "active", RegisteredOn = ChinaTime.Today(clock),
                Consent = new ConsentForm { Given = true, On = ChinaTime.Today(clock), By = "self" },
            };
        }
        await Options(ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        Id = id;
        try
        {
            if (id is { } existing)
            {
                var r = await GetRecipient.Load(db, User.Scope(), existing, ct);
                if (string.IsNullOrWhiteSpace(Input.Name))
                {
                    // Left blank: keep the stored name.
                    Input.Name = r.Name;
                }
                var dto = await SaveRecipient.Update(db, protector, audit, clock, User, existing, Input.ToInput(), ct);
                TempData["Message"] = "已保存服务对象信息。";
                return RedirectToPage("/Recipients/Details", new { id = dto.Id });
            }
            var created = await SaveRecipient.Create(db, protector, audit, clock, User, Input.ToInput(), ct);
            TempData["Message"] = "已登记服务对象。";
            return RedirectToPage("/Recipients/Details", new { id = created.Id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, nameof(Input), typeof(RecipientForm));
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        if (id is { } again)
        {
            CurrentName = Shared.Masked(await db.Recipients.Where(r => r.Id == again).Select(r => r.Name).FirstOrDefaultAsync(ct));
        }
        await Options(ct);
        return Page();
    }

    private async Task Options(CancellationToken ct)
    {
        var scope = User.Scope();
        StationOptions = (await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => p.Kind != PlatformKind.CountyCentre)
            .OrderBy(p => p.RegionCode).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
        var regionCodes = await db.Platforms.AsNoTracking().VisibleTo(scope).Where(p => p.Kind != PlatformKind.CountyCentre)
            .Select(p => p.RegionCode).Distinct().ToListAsync(ct);
        var villages = new List<(string, string)>();
        foreach (var code in regionCodes.Take(30))
        {
            villages.AddRange((await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.Level == RegionLevel.Village)
                .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct)).Select(v => (v.Code, v.Name)));
        }
        VillageOptions = villages;
        WorkerOptions = (await db.Workers.AsNoTracking().VisibleTo(scope).OrderBy(w => w.Name).Select(w => new { w.Id, w.Name, Station = w.Platform!.Name }).Take(500).ToListAsync(ct))
            .Select(w => (w.Id, $"{w.Name}（{w.Station}）")).ToList();
        while (Input.Guardians.Count < 2)
        {
            Input.Guardians.Add(new GuardianForm());
        }
    }

    private static class Shared
    {
        public static string? Masked(string? name) => name is null ? null : Domain.Names.Masking.Name(name);
    }
}
