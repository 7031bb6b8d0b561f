using SocialWorkStation.Web;

var app = await WebApp.BuildAsync(args);
if (app is null)
{
    return; // a command (such as import-regions) ran and finished
}
await app.RunAsync();

/// <summary>Exposed for WebApplicationFactory.</summary>
public partial class Program;
