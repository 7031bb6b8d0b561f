using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Shared;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>One agreement: clauses (missing ones flagged), deadlines and which are overdue today, and the bureau's edit form.</summary>
[Authorize(Policy = Permissions.AgreementsRead)]
public sealed class AgreementModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock, Audit.AuditLog audit,
    Attachments.AttachmentStore store, Microsoft.Extensions.Options.IOptions<Attachments.AttachmentOptions> options) : Attachments.RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => "agreement";
    /// <summary>The signed agreement's files (owner type agreement, agreements.md §6); null when the cycle covers no station.</summary>
    public Attachments.AttachmentsPanel? Files { get; private set; }

    public AgreementDto Agreement { get; private set; } = null!;
    public Domain.Profiles.PolicyProfile Profile { get; private set; } = null!;
    [BindProperty] public AgreementForm Input { get; set; } = new();
    [BindProperty] public HandoverForm Handover { get; set; } = new();

    /// <summary>The cycle's stations the caller sees, with their current contractor and version (for the hand-over form).</summary>
    public List<(Guid Id, string Name, string? Contractor, int Version)> Stations { get; private set; } = [];
    public List<(Guid Id, string Name)> Contractors { get; private set; } = [];
    /// <summary>The hand-overs of the cycle's stations the caller may read (交接, agreements.md §12).</summary>
    public List<HandoverDto> Handovers { get; private set; } = [];
    /// <summary>The final grade (the evaluation's first, else the bureau's) and the proposal (续签, agreements.md §11).</summary>
    public RenewalDto Renewal { get; private set; } = null!;
    [BindProperty] public RenewalForm Renew { get; set; } = new();

    public sealed class RenewalForm
    {
        public string? Grade { get; set; }
        public string? EvaluationReport { get; set; }
        public string? SignedOn { get; set; }
        public decimal? Amount { get; set; }
        public int? Version { get; set; }
    }

    public sealed class HandoverForm
    {
        public Guid StationId { get; set; }
        public Guid? IncomingOrganisationId { get; set; }
        public string? HandoverDay { get; set; }
        public string? Note { get; set; }
        public int? Version { get; set; }
    }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct);
        Input = AgreementForm.From(Agreement);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.AgreementsManage))
        {
            return Forbid();
        }
        try
        {
            await SaveAgreement.Update(Db, profiles, Clock, User, id, Input.ToInput(Input.Version), ct);
            TempData["Message"] = "已保存。";
            return RedirectToPage("/Agreements/Agreement", new { id });
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
            await Load(id, ct);
            ModelState.Clear();
            ModelState.AddModelError("", ex.Message + " 下方已显示当前保存的内容。");
            Input = AgreementForm.From(Agreement);
            return Page();
        }
        await Load(id, ct);
        return Page();
    }

    /// <summary>The bureau enters the year's final grade: the same use case as PUT /api/v1/agreements/{id}/final-grade.</summary>
    public Task<IActionResult> OnPostGradeAsync(Guid id, CancellationToken ct) => Manage(id, async () =>
    {
        await AgreementRenewal.Grade(Db, profiles, User, id, new FinalGradeInput(Renew.Grade, Renew.EvaluationReport, Renew.Version), ct);
        TempData["Message"] = "年度评估等次已登记。";
        return RedirectToPage("/Agreements/Agreement", new { id });
    }, ct);

    /// <summary>续签: the same use case as POST /api/v1/agreements/{id}/renew; opens next year's agreement.</summary>
    public Task<IActionResult> OnPostRenewAsync(Guid id, CancellationToken ct) => Manage(id, async () =>
    {
        var next = await AgreementRenewal.Renew(Db, profiles, Clock, User, id, new RenewInput(Renew.SignedOn, Renew.Amount), ct);
        TempData["Message"] = $"已续签第{next.YearNumber}年协议。";
        return RedirectToPage("/Agreements/Agreement", new { id = next.Id });
    }, ct);

    private async Task<IActionResult> Manage(Guid id, Func<Task<IActionResult>> action, CancellationToken ct)
    {
        if (!User.Can(Permissions.AgreementsManage))
        {
            return Forbid();
        }
        try
        {
            return await action();
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Renew", typeof(RenewalForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, "Renew", typeof(RenewalForm));
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(id, ct);
        Input = AgreementForm.From(Agreement);
        return Page();
    }

    /// <summary>交接: the same use case as POST /api/v1/stations/{id}/handovers.</summary>
    public async Task<IActionResult> OnPostHandoverAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.AgreementsManage))
        {
            return Forbid();
        }
        await Load(id, ct);
        Input = AgreementForm.From(Agreement);
        if (Stations.All(s => s.Id != Handover.StationId))
        {
            return NotFound();
        }
        try
        {
            var dto = await HandOver.Create(Db, profiles, Clock, audit, User, Handover.StationId,
                new HandoverInput(Handover.IncomingOrganisationId, Handover.HandoverDay, Handover.Version, Handover.Note), ct);
            TempData["Message"] = $"交接已办理：{dto.StationName} 自 {dto.HandoverDay} 由 {dto.IncomingName} 承接。";
            return RedirectToPage("/Agreements/Agreement", new { id });
        }
        catch (RequestValidationException ex)
        {
            ShowErrors(ex, "Handover", typeof(HandoverForm));
        }
        catch (BusinessRuleException ex)
        {
            ShowError(ex, "Handover", typeof(HandoverForm));
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
        Agreement = await SaveAgreement.Get(Db, profiles, Clock, User, id, ct);
        Profile = AgreementAccess.Profile(profiles, Agreement.ProfileKey);
        Renewal = await AgreementRenewal.Get(Db, profiles, User, id, ct);
        Files = await AgreementAccess.VisibleStation(Db, User.Scope(), id, ct) is null
            ? null
            : Panel(id, await Attachments.AttachmentUseCases.List(Db, User, OwnerType, id, ct), "签署的协议文本");
        var cycleId = Agreement.CycleId;
        var stationIds = Db.Set<ProgrammeCycleStation>().Where(s => s.CycleId == cycleId).Select(s => s.StationId);
        Stations = (await Db.Platforms.AsNoTracking().VisibleTo(User.Scope()).Where(p => stationIds.Contains(p.Id)).OrderBy(p => p.RegionCode).ThenBy(p => p.Name)
                .Select(p => new { p.Id, p.Name, Contractor = p.Contractor != null ? p.Contractor.Name : null, p.Version }).ToListAsync(ct))
            .Select(p => (p.Id, p.Name, p.Contractor, p.Version)).ToList();
        Handovers = (await HandOver.Visible(Db, User).Where(h => stationIds.Contains(h.StationId)).ToListAsync(ct))
            .OrderByDescending(h => h.HandoverDay).ThenByDescending(h => h.RecordedAt).Select(HandOver.ToDto).ToList();
        if (User.Can(Permissions.AgreementsManage))
        {
            Contractors = (await Db.Organisations.AsNoTracking().Where(o => o.Kind == Organisations.OrganisationKind.Contractor).OrderBy(o => o.Name)
                    .Select(o => new { o.Id, o.Name }).Take(500).ToListAsync(ct))
                .Select(o => (o.Id, o.Name)).ToList();
        }
    }
}
