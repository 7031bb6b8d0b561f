using System.Net;
using SocialWorkStation.Web.Tests.Infrastructure;
using SocialWorkStation.Web.Tests.Services;
using static SocialWorkStation.Web.Tests.Recipients.RecipientFixtures;

namespace SocialWorkStation.Web.Tests.Visits;

public sealed class VisitAttachmentTests
{
    public static TheoryData<string> Providers => Db.Providers;

    [Theory, MemberData(nameof(Providers))]
    public async Task A_visit_carries_a_photo_and_a_sign_in_sheet(string db)
    {
        var app = TestApp.For(db);
        var worker = await app.ClientFor("worker");
        var recipient = (await Create(worker, Body(NewName("逯"), NewId()))).GetProperty("id").GetString()!;
        var visit = (await (await worker.PostJson("/api/v1/visits", VisitApiTests.Body(recipient, await VisitApiTests.HeadWorker(await app.ClientFor("head"))))).ReadJson())
            .GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await ServiceData.Upload(worker, "visit", visit, ServiceData.Jpeg(800, 600), "走访.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await ServiceData.Upload(worker, "visit", visit, ServiceData.Jpeg(800, 600), "签到表.jpg", category: "signInSheet")).StatusCode);
        var json = await worker.GetJson($"/api/v1/visits/{visit}");
        Assert.Equal(2, json.GetProperty("attachments").GetArrayLength());
        // Another station's worker account cannot attach to it (404 through the owner's scope).
        var bureau = await app.ClientFor("bureau");
        Assert.Equal(HttpStatusCode.Forbidden, (await ServiceData.Upload(bureau, "visit", visit, ServiceData.Jpeg(10, 10), "x.jpg")).StatusCode);
    }
}
