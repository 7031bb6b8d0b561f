using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Demo;
using SocialWorkStation.Web.Features.Organisations;
using SocialWorkStation.Web.Features.Profiles;
using SocialWorkStation.Web.Features.Recipients;
using SocialWorkStation.Web.Features.Regions;
using SocialWorkStation.Web.Features.Stations;
using SocialWorkStation.Web.Features.Workers;
using SocialWorkStation.Web.Infrastructure;

namespace SocialWorkStation.Web;

public static class WebApp
{
    public const string SmartScheme = "BearerOrCookie";

    /// <summary>Builds the host; runs a command instead and returns null when args name one.</summary>
    public static async Task<WebApplication?> BuildAsync(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        // A command's own arguments (a folder such as /tmp/x) must not reach the configuration parser,
        // which reads "/key value" as a setting; only --Key=value options do.
        var hostArgs = command is null ? args : args[1..].Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs, ContentRootPath = ContentRoot(hostArgs) });
        // Run from the build output (dotnet run, any environment), the static files and their pre-compressed copies are
        // found through the build's manifest; without it every compressed CSS/JS endpoint answers 200 with an empty body.
        // A published app has no such manifest (its wwwroot holds the files) and this does nothing; Development does it itself.
        if (!builder.Environment.IsDevelopment())
        {
            builder.WebHost.UseStaticWebAssets();
        }
        ConfigureServices(builder);
        var app = builder.Build();
        if (command is not null)
        {
            await Commands.RunAsync(app, command, args[1..].Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray());
            return null;
        }
        ConfigurePipeline(app);
        await Startup.InitialiseAsync(app.Services, app.Configuration);
        app.Lifetime.ApplicationStarted.Register(() => Startup.PrintWelcome(app));
        return app;
    }

    /// <summary>
    /// The content root is the application's folder (where appsettings.json, Profiles and the build's static-asset
    /// manifest are), whatever the working directory, unless --contentRoot or ASPNETCORE_CONTENTROOT/DOTNET_CONTENTROOT
    /// names one. Relative paths in settings (App_Data/...) are under it.
    /// </summary>
    public static string? ContentRoot(string[] args)
    {
        var configured = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase) || a.StartsWith("/contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return configured ? null : AppContext.BaseDirectory;
    }

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;

        services.AddOptions<DatabaseOptions>().Bind(config.GetSection(DatabaseOptions.Section)).ValidateOnStart();
        services.AddOptions<BootstrapOptions>().Bind(config.GetSection(BootstrapOptions.Section));
        services.AddOptions<DemoOptions>().Bind(config.GetSection(DemoOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<AccountOptions>().Bind(config.GetSection(AccountOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Features.Attachments.AttachmentOptions>().Bind(config.GetSection(Features.Attachments.AttachmentOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => o.TypesKnown(), "Attachments:AllowedTypes 只能列出平台能识别的类型：" + string.Join(",", Features.Attachments.ContentSniffer.Known.Keys))
            .ValidateOnStart();
        services.AddSingleton<Features.Attachments.AttachmentStore>();
        services.AddOptions<ProfileOptions>().Bind(config.GetSection(ProfileOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RecipientProtectionOptions>().Bind(config.GetSection(RecipientProtectionOptions.Section)).ValidateOnStart();
        services.AddSingleton<IPostConfigureOptions<RecipientProtectionOptions>, DevelopmentKeys>();
        services.AddSingleton<IValidateOptions<RecipientProtectionOptions>, RecipientProtectionValidation>();
        services.AddSingleton<RecipientProtector>();
        services.AddOptions<RosterImportOptions>().Bind(config.GetSection(RosterImportOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RosterImportRunner>();
        Features.Reports.ReportEndpoints.AddReports(services);
        Features.Evaluations.EvaluationEndpoints.AddEvaluations(services);
        Features.Agreements.AgreementEndpoints.AddAgreements(services);
        Features.Complaints.ComplaintEndpoints.AddComplaints(services, config);
        services.AddScoped<Features.Shared.IHomeQueueSource, Features.Cases.CaseReviewHomeQueue>();
        services.AddScoped<Features.Shared.IHomeQueueSource, Features.Budgets.SpendingHomeQueue>();
        Features.Incidents.IncidentEndpoints.AddIncidents(services);
        services.AddHostedService(sp => sp.GetRequiredService<RosterImportRunner>());

        // Profiles are read now, so a malformed file stops start-up with the file and field named.
        var profileFolder = config.GetValue<string>(ProfileOptions.Section + ":Folder") ?? "Profiles";
        services.AddSingleton(ProfileCatalog.Load(Path.IsPathRooted(profileFolder) ? profileFolder : Path.Combine(AppContext.BaseDirectory, profileFolder)));

        services.AddSingleton(TimeProvider.System);
        // No full ID number in any log line (docs/security.md "Data protection").
        services.AddLogScrubbing();
        services.AddHttpContextAccessor();
        services.AddScoped<AuditActor>();
        services.AddScoped<AuditLog>();
        services.AddSingleton<AuditChainKey>();
        services.AddOptions<AuditOptions>().Bind(config.GetSection(AuditOptions.Section));
        services.AddHostedService<AuditSealer>();
        services.AddDatabase(config, builder.Environment.ContentRootPath);

        var accounts = config.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredLength = 1; // KindsPasswordValidator applies the real rule
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = accounts.MaxFailedLogins;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(accounts.LockoutMinutes);
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<KindsPasswordValidator>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Bearer or cookie", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? IdentityConstants.BearerScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(IdentityConstants.BearerScheme, o =>
            {
                o.BearerTokenExpiration = TimeSpan.FromMinutes(accounts.IdleTimeoutMinutes);
            })
            .AddIdentityCookies(c => c.ApplicationCookie!.Configure(o =>
            {
                o.LoginPath = "/Account/Login";
                o.LogoutPath = "/Account/Logout";
                o.AccessDeniedPath = "/Account/Denied";
                o.ExpireTimeSpan = TimeSpan.FromMinutes(accounts.IdleTimeoutMinutes);
                o.SlidingExpiration = true;
                o.Cookie.Name = "sws.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, 403);
            }));
        services.AddScoped<IClaimsTransformation, ScopeClaimsTransformation>();

        services.AddAuthorization(o =>
        {
            foreach (var (permission, roles) in Permissions.RolesFor)
            {
                o.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(roles));
            }
            o.FallbackPolicy = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });

        // Enums the API does not map to strings itself (the rules inside a profile) are written as camelCase names, as in the profile files.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
        // Weak rural networks: compress pages and JSON (static assets are pre-compressed by MapStaticAssets).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        // A body or parameter the binder cannot read throws, so the problem handler can name the field.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        SecurityHeaders.AddForwardedHeaders(services, config);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddOpenApi(OpenApiSetup.Configure);
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
        }).AddMvcOptions(o =>
        {
            Features.Shared.ChineseBindingMessages.Apply(o);
            o.Filters.Add<AdministratorAreaPageFilter>();
        });
        // Chinese text is written as characters, not as &#x...; entities (a third of the page weight).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "X-CSRF-TOKEN";
            // Secure whenever the request came over HTTPS (directly or through a known proxy).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task<bool> CanConnect(AppDbContext db, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    public static void ConfigurePipeline(WebApplication app)
    {
        // The attachments folder is created now, so a wrong Attachments:Folder stops start-up instead of the first upload.
        _ = app.Services.GetRequiredService<Features.Attachments.AttachmentStore>();
        // Behind the TLS proxy: the client's address and scheme come from the known proxies only (docs/security.md "Headers").
        app.UseForwardedHeaders();
        app.UseHsts();
        app.UseSecurityHeaders();
        // The API answers problem+json (the IExceptionHandler); a browser gets a Chinese error page.
        app.UseExceptionHandler("/Error/500");
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/Error/{0}"));
        app.UseResponseCompression();
        // The API reference is public like the OpenAPI document it shows (assets served from the package, no CDN).
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api-docs";
            o.SwaggerEndpoint("/openapi/v1.json", "v1");
            o.DocumentTitle = "社工站平台 API 参考";
        });
        app.UseRouting();
        // Per-address limits on the anonymous complaint form and tracking look-up (docs/requirements/public.md §4).
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseRevokedSessions();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapGet("/health", async (AppDbContext db, CancellationToken ct) =>
                await CanConnect(db, ct)
                    ? Results.Ok(new { status = "healthy" })
                    : Results.Json(new { status = "unhealthy" }, statusCode: 503))
            .AllowAnonymous()
            .ExcludeFromDescription();
        Features.Public.PublicEndpoints.MapAnonymous(app);

        // Every API call passes the one hostile-input guard (docs/security.md "Hostile input").
        var api = app.MapGroup("/api/v1").GuardHostileInput().KeepAdministratorsToTheirAreas();
        AccountEndpoints.Map(api);
        ProfileEndpoints.Map(api);
        RegionEndpoints.Map(api);
        StationEndpoints.Map(api);
        WorkerEndpoints.Map(api);
        OrganisationUseCases.Map(api);
        BrowseAudit.Map(api);
        RecipientEndpoints.Map(api);
        Features.Visits.VisitEndpoints.Map(api);
        Features.Cases.CaseEndpoints.Map(api);
        Features.Groups.GroupEndpoints.Map(api);
        Features.Attachments.AttachmentEndpoints.Map(api);
        Features.Activities.ActivityEndpoints.Map(api);
        Features.Volunteers.VolunteerEndpoints.Map(api);
        Features.Resources.ResourceUseCases.Map(api);
        Features.NeedsSurveys.NeedsSurveyUseCases.Map(api);
        Features.FeaturedCases.FeaturedCaseUseCases.Map(api);
        Features.Progress.ProgressEndpoints.Map(api);
        Features.ContractorChecks.ContractorCheckEndpoints.Map(api);
        Features.Reports.ReportEndpoints.Map(api);
        Features.Evaluations.EvaluationEndpoints.Map(api);
        Features.Agreements.AgreementEndpoints.Map(api);
        Features.Budgets.BudgetEndpoints.Map(api);
        Features.Public.PublicEndpoints.Map(api);
        Features.Complaints.ComplaintEndpoints.Map(api);
        Features.Incidents.IncidentEndpoints.Map(api);
        Features.Archives.ArchiveEndpoints.Map(api);
        Features.Assets.AssetEndpoints.Map(api);
    }
}
