using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialWorkStation.Web.Data;
using SocialWorkStation.Web.Features.Accounts;
using SocialWorkStation.Web.Features.Audit;
using SocialWorkStation.Web.Features.Demo;
using SocialWorkStation.Web.Features.Regions;

namespace SocialWorkStation.Web.Infrastructure;

/// <summary>First-start work: migrations, roles, the built-in admin, the shipped region tree, the demo county.</summary>
public static class Startup
{
    public const string AdminUserName = "admin";
    public const string SecurityAdminUserName = "security";
    private static readonly List<string> Notices = [];

    public static async Task InitialiseAsync(IServiceProvider root, IConfiguration config)
    {
        await using var scope = root.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<AppDbContext>();
        var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Startup");
        if (sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await db.Database.MigrateAsync();
        }
        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var (name, _) in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                await roles.CreateAsync(new IdentityRole(name));
            }
        }
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var firstStart = !await db.Users.AnyAsync();
        // 三员分立: the system administrator configures the platform, the security administrator manages accounts.
        // Each is created once; an installation from before the split gets its security administrator on the next start.
        await EnsureAdministratorAsync(sp, users, AdminUserName, "系统管理员", Roles.SystemAdmin, firstStart);
        await EnsureAdministratorAsync(sp, users, SecurityAdminUserName, "安全管理员", Roles.SecurityAdmin, firstStart);
        await Features.Recipients.RecipientKeyCheck.EnsureKeysOpenStoredDataAsync(db, sp.GetRequiredService<Features.Recipients.RecipientProtector>());
        if (await PersonalDataUpgrade.EncryptLegacyAsync(db) is > 0 and var encrypted)
        {
            logger.LogInformation("Encrypted {Count} personal values kept in clear by an earlier release", encrypted);
        }
        if (sp.GetRequiredService<IOptions<Features.Recipients.RecipientProtectionOptions>>().Value.UsingDevelopmentKeys)
        {
            Notices.Add("注意：服务对象敏感信息使用自动生成的开发密钥（App_Data/recipient-keys.json），仅供演示；正式部署请配置 RecipientProtection（见 docs/recipients.md）。");
        }
        if (!await db.Regions.AnyAsync())
        {
            var result = await ImportRegions.Handle(db, sp.GetRequiredService<AuditLog>(), ImportRegions.ShippedFolder, null, CancellationToken.None);
            logger.LogInformation("Loaded the shipped region tree: {Result}", result.ToString());
        }
        if (sp.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
            if (await DemoSeeder.SeedAsync(sp, demo.Password))
            {
                Notices.Add("已创建演示县：琼中黎族苗族自治县（469030），演示账号（密码均为 " + demo.Password + "）：");
                Notices.AddRange(DemoSeeder.Accounts.Select(a => $"  {a.UserName,-12} {Roles.Chinese(a.Role)}（{a.ScopeText}）"));
            }
        }
    }

    public static void PrintWelcome(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        Console.WriteLine();
        Console.WriteLine("社工站平台已启动 SocialWorkStation is running:");
        foreach (var a in addresses)
        {
            Console.WriteLine($"  {a}    (API 参考: {a}/api-docs)");
        }
        foreach (var n in Notices)
        {
            Console.WriteLine(n);
        }
        Notices.Clear();
        Console.WriteLine();
    }

    private static async Task EnsureAdministratorAsync(IServiceProvider sp, UserManager<AppUser> users, string userName, string displayName, string role, bool firstStart)
    {
        if (await users.FindByNameAsync(userName) is not null || (await users.GetUsersInRoleAsync(role)).Count > 0)
        {
            return;
        }
        var configured = sp.GetRequiredService<IOptions<BootstrapOptions>>().Value.AdminPassword;
        var demo = sp.GetRequiredService<IOptions<DemoOptions>>().Value;
        // A demo installation uses the demo password for its administrators too, so the README can list them.
        if (string.IsNullOrEmpty(configured) && demo.Seed && firstStart)
        {
            configured = demo.Password;
        }
        var password = string.IsNullOrEmpty(configured) ? RandomPassword() : configured;
        var user = new AppUser { UserName = userName, DisplayName = displayName, LockoutEnabled = true, CreatedAt = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Bootstrap:AdminPassword 不符合密码规则：" + string.Join("；", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(user, role);
        Notices.Add(string.IsNullOrEmpty(configured)
            ? $"已创建{displayName}账号 {userName}，随机密码（只显示这一次）：{password}"
            : $"已创建{displayName}账号 {userName}（密码见 Bootstrap:AdminPassword 或演示密码）");
    }

    private static string RandomPassword()
    {
        const string chars = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        var body = RandomNumberGenerator.GetString(chars, 12);
        return body + "@" + RandomNumberGenerator.GetInt32(10, 99) + "Aa";
    }
}
