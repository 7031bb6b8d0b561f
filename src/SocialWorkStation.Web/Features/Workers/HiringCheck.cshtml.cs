using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web.Features.Workers;

/// <summary>
/// Before hiring: enter a candidate and see whether the chosen station's profile accepts them on the planned hire
/// date, with the ranking hints. The same handler as POST /api/v1/workers/hiring-check; nothing is saved.
/// </summary>
[Authorize(Policy = Permissions.WorkersManage)]
public sealed class HiringCheckModel(AppDbContext db, ProfileCatalog profiles, TimeProvider clock) : WorkerFormPage(db, profiles, clock)
{
    public override bool IsHiring => true;
    public HiringCheckDto? Result { get; private set; }

    public async Task OnGetAsync(Guid? station, CancellationToken ct)
    {
        Input = new WorkerForm
        {
            StationId = DefaultStation(station),
            HireDate = ChinaTime.Today(Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Certificates = [],
            Trainings = [],
        };
        await PrepareAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                Result = await SaveWorker.HiringCheck(Db, Profiles, Clock, User.Scope(), Input.ToInput(), ct);
            }
            catch (RequestValidationException ex)
            {
                ShowErrors(ex, nameof(Input), typeof(WorkerForm));
            }
        }
        await PrepareAsync(ct);
        return Page();
    }
}
