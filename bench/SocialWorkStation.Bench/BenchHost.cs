using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Npgsql;
using SocialWorkStation.Web;

/// <summary>What every benchmark starts with: a fresh PostgreSQL database and the platform's services configured against it.</summary>
internal static class BenchHost
{
    public static async Task RecreateDatabaseAsync(string baseConnection, string database)
    {
        await using var admin = new NpgsqlConnection(baseConnection);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin).ExecuteNonQueryAsync();
        await new NpgsqlCommand($"CREATE DATABASE \"{database}\"", admin).ExecuteNonQueryAsync();
    }

    /// <summary>The platform's services on PostgreSQL with fixed bench keys and quiet logs; <paramref name="settings"/> add to them.</summary>
    public static WebApplicationBuilder Builder(string connection, IReadOnlyDictionary<string, string?>? settings = null, string? applicationName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Production", ApplicationName = applicationName,
        });
        var config = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Postgres",
            ["ConnectionStrings:Default"] = connection,
            ["RecipientProtection:ActiveKeyId"] = "bench",
            ["RecipientProtection:Keys:bench"] = Convert.ToBase64String(SHA256.HashData("bench-key"u8)),
            ["RecipientProtection:IndexKey"] = Convert.ToBase64String(SHA256.HashData("bench-index-key"u8)),
            ["Logging:LogLevel:Default"] = "Warning",
            // EF logs the missing history table of a new database as a failure; it is expected here.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }
        builder.Configuration.AddInMemoryCollection(config);
        WebApp.ConfigureServices(builder);
        return builder;
    }
}
