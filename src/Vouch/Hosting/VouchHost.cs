using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Scalar.AspNetCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Health;
using Vouch.Web;

namespace Vouch.Hosting;

/// <summary>How Vouch is put together: the services every command needs, and the web pipeline.</summary>
public static class VouchHost
{
    /// <summary>API request bodies larger than this are refused with 413.</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, WebRootPath = PublishedWebRoot() });
        // A build (rather than a publish) serves its styles and scripts from the project, listed in a manifest beside
        // the app: read it in every environment, so the app started from any folder finds them.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddSingleton(TimeProvider.System);
        services.AddVouchDatabase(configuration);
        services.AddVouchAuth(configuration);
        services.AddVouchTelemetry(configuration);
        services.AddDataProtection().SetApplicationName("vouch").PersistKeysToDbContext<VouchDbContext>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<JobLeases>();
        foreach (var module in CapabilityModules.All)
        {
            module.AddServices(services, configuration);
        }

        services.AddVouchLanguages();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemTitles.Translate);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.AllowTrailingCommas = false);
        services.AddOpenApi(options => options.AddVouchDocument());
        // A query on a pooled connection: the check's default (CanConnect) opens a new, unpooled SQLite connection every
        // time, which parses the whole schema again and cost /health more than the account list.
        services.AddHealthChecks().AddDbContextCheck<VouchDbContext>("database",
            customTestQuery: async (db, ct) => await db.Database.SqlQueryRaw<int>("SELECT 1 AS \"Value\"").SingleAsync(ct) == 1);
        services.AddRazorPages(options =>
            {
                foreach (var module in CapabilityModules.All)
                {
                    module.AddPageConventions(options.Conventions, configuration);
                }
            })
            .WithRazorPagesRoot("/Features");
        services.AddAntiforgery(options => options.Cookie.Name = "vouch.antiforgery");
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>
    /// A published app's <c>wwwroot</c>, beside the app itself rather than under the folder it was started from (a
    /// service manager starts it from anywhere); none for a build, whose assets the manifest lists.
    /// </summary>
    private static string? PublishedWebRoot()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        return Directory.Exists(beside) ? beside : null;
    }

    public static WebApplication BuildWebApp(string[] args)
    {
        var app = CreateBuilder(args).Build();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        // After authentication: a signed-in user's own language comes first.
        app.UseRequestLocalization();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealth();
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.SignedIn);
        app.MapScalarApiReference("/api/reference", options =>
            {
                options.WithTitle("Vouch API").WithOpenApiRoutePattern("/openapi/{documentName}.json");
                // Everything the page needs is served from here: no web fonts, no telemetry.
                options.DefaultFonts = false;
                options.Telemetry = false;
                options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            })
            .RequireAuthorization(Policies.SignedIn);

        var api = app.MapGroup("/api/v1")
            .RequireAuthorization(Policies.SignedIn)
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        foreach (var module in CapabilityModules.All)
        {
            module.MapEndpoints(api);
            module.MapRootEndpoints(app);
        }

        app.MapRazorPages();
        return app;
    }
}
