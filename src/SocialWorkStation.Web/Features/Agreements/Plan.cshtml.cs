using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SocialWorkStation.Domain.Regions;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Agreements;

/// <summary>One annual implementation plan: its sections, the recruitment plan, the filing and its files; the county bureau edits and files it while a draft.</summary>
[Authorize(Policy = Permissions.PlansRead)]
public sealed class PlanModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock,
    Attachments.AttachmentStore store, Microsoft.Extensions.Options.IOptions<Attachments.AttachmentOptions> options) : Attachments.RecordPageModel(db, store, options, clock)
{
    protected override string OwnerType => ImplementationPlans.OwnerType;

    /// <summary>Files go only to a draft (a filed plan is locked).</summary>
    protected override async Task<bool> OwnsAsync(Guid id, Guid ownerId, CancellationToken ct) =>
        ownerId == id && await Db.Set<ImplementationPlan>().AnyAsync(p => p.Id == id && p.Status == Domain.Agreements.PlanStatus.Draft, ct);

    public sealed class PostForm
    {
        public string? Post { get; set; }
        public int? Number { get; set; }
        public string? Qualifications { get; set; }
    }

    public sealed class PlanForm
    {
        public Dictionary<string, string?> Sections { get; set; } = [];
        public Guid? ContractorId { get; set; }
        public List<PostForm> Posts { get; set; } = [];
        public string? Timetable { get; set; }
        public int? Version { get; set; }
    }

    public ImplementationPlanDto Plan { get; private set; } = null!;
    /// <summary>Whether the caller may edit and file it: the county's own bureau, while a draft.</summary>
    public bool CanEdit { get; private set; }
    public List<(Guid Id, string Name)> Contractors { get; private set; } = [];
    public Attachments.AttachmentsPanel? Files { get; private set; }
    [BindProperty] public PlanForm Input { get; set; } = new();
    [BindProperty] public string? FiledOn { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        await Load(id, ct, fillForm: true);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.PlansManage)) return Forbid();
        var input = new ImplementationPlanInput(null, null, null,
            Input.Sections.Select(s => new PlanSectionInput(s.Key, s.Value)).ToList(), Input.ContractorId,
            Input.Posts.Where(p => !string.IsNullOrWhiteSpace(p.Post) || p.Number is not null || !string.IsNullOrWhiteSpace(p.Qualifications))
                .Select(p => new RecruitmentPostInput(p.Post, p.Number, p.Qualifications)).ToList(),
            Input.Timetable ?? "", Input.Version);
        return await Try(id, () => ImplementationPlans.Update(Db, profiles, User, id, input, ct), "年度实施计划已保存。", ct);
    }

    public async Task<IActionResult> OnPostFileAsync(Guid id, CancellationToken ct)
    {
        if (!User.Can(Permissions.PlansManage)) return Forbid();
        return await Try(id, () => ImplementationPlans.File(Db, profiles, Clock, User, id, new PlanFilingInput(FiledOn, Input.Version), ct), "已报上级民政部门备案，计划已锁定。", ct);
    }

    private async Task<IActionResult> Try(Guid id, Func<Task<ImplementationPlanDto>> write, string done, CancellationToken ct)
    {
        try
        {
            await write();
            TempData["Message"] = done;
            return RedirectToPage(new { id });
        }
        catch (RequestValidationException ex)
        {
            foreach (var m in ex.Errors.SelectMany(e => e.Value)) ModelState.AddModelError("", m);
        }
        catch (BusinessRuleException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        catch (ConflictException ex)
        {
            ModelState.AddModelError("", ex.Message);
        }
        await Load(id, ct, fillForm: false);
        return Page();
    }

    private async Task Load(Guid id, CancellationToken ct, bool fillForm)
    {
        Plan = await ImplementationPlans.Get(Db, profiles, User, id, ct);
        var scope = User.Scope();
        CanEdit = Plan.Status == "draft" && User.Can(Permissions.PlansManage) && scope.Level == RegionLevel.County && scope.RegionCode == Plan.CountyCode;
        Contractors = (await Db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.Contractor).OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct))
            .Select(o => (o.Id, o.Name)).ToList();
        if (fillForm)
        {
            Input = new PlanForm
            {
                Sections = Plan.Sections.ToDictionary(s => s.Key, s => (string?)s.Text), ContractorId = Plan.ContractorId,
                Posts = Plan.RecruitmentPosts.Select(p => new PostForm { Post = p.Post, Number = p.Number, Qualifications = p.Qualifications }).ToList(),
                Timetable = Plan.RecruitmentTimetable, Version = Plan.Version,
            };
        }
        Input.Version = Plan.Version;
        while (Input.Posts.Count < Plan.RecruitmentPosts.Count + 2) Input.Posts.Add(new PostForm());
        FiledOn ??= AgreementAccess.D(ChinaTime.Today(Clock));
        if (await ImplementationPlans.VisibleStation(Db, scope, id, ct) is not null)
        {
            var panel = Panel(id, await Attachments.AttachmentUseCases.List(Db, User, OwnerType, id, ct), "计划附件（计划文本、招聘方案等）");
            // A filed plan is locked: its files stay as they were filed.
            Files = CanEdit ? panel : panel with { CanWrite = false };
        }
    }
}
