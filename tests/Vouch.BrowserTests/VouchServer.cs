using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Playwright;
using Vouch.Data;
using Vouch.Features.Tokens;
using Vouch.Features.Users;
using Vouch.Hosting;
using Vouch.Seeding;
using Vouch.Testing;

namespace Vouch.BrowserTests;

/// <summary>
/// The real app, served by Kestrel at 127.0.0.1 on a free port over a database of its own that holds the demo
/// program, and a headless Chromium to drive it. One per test class; each test opens its own browser context.
/// </summary>
public class VouchServer : IAsyncLifetime
{
    public const string Password = "Browser-test-2026";

    // Debian's Chromium: the tests never download a browser. The flags keep it from calling home or using a GPU.
    private const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] s_chromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private TestDatabase _database = null!;
    private DirectoryInfo? _mail;
    private VouchApp _app = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        _database = await TestDatabase.CreateAsync();
        _mail = Directory.CreateTempSubdirectory("vouch-browser-mail-");
        var configuration = new Dictionary<string, string>
        {
            // Email is written to a folder, as in development: invitations and notifications are queued as in production.
            ["Email:PickupFolder"] = _mail.FullName,
            ["Vouch:PublicUrl"] = "http://127.0.0.1/",
            ["Digest:Enabled"] = "false",
            // Webhooks go to a receiver on this machine, over plain HTTP, without waiting long between rounds.
            ["Webhooks:AllowHttp"] = "true",
            ["Webhooks:PollInterval"] = "00:00:00.2",
            ["Database:Provider"] = _database.Provider,
            ["ConnectionStrings:Vouch"] = _database.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
            // Keys are kept unencrypted in the database, as configured; the warning would repeat for every server.
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        };
        foreach (var (key, value) in await MoreSettingsAsync())
        {
            configuration[key] = value;
        }
        await MigrateAndSeedAsync(configuration, SeedsDemo, ct);

        _app = new VouchApp(configuration);
        _app.StartServer();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = s_chromiumArgs,
        });
    }

    /// <summary>Whether the database holds the demo program; without it, it is as a new program finds it.</summary>
    protected virtual bool SeedsDemo => true;

    /// <summary>Settings a test class's server adds, such as the address of a stand-in it starts first.</summary>
    protected virtual Task<IReadOnlyDictionary<string, string>> MoreSettingsAsync() =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    // Also runs after a failed InitializeAsync, so any part may be missing.
    public virtual async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
        _mail?.Delete(recursive: true);
    }

    /// <summary>The absolute address of a path on this server, as the browser shows it.</summary>
    public string Url(string pathAndQuery) => new Uri(BaseAddress, pathAndQuery).AbsoluteUri;

    /// <summary>A fresh browser context: no cookies, relative URLs resolved against this server.</summary>
    public Task<IBrowserContext> NewContextAsync(ViewportSize? viewport = null) =>
        _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = viewport });

    public HttpClient CreateApiClient(string token) =>
        new() { BaseAddress = BaseAddress, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };

    /// <summary>Adds a user with a unique email, through the same rules as the users page.</summary>
    public async Task<TestUser> AddUserAsync(string role)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var email = $"{role.ToLowerInvariant()}-{suffix}@browser.test";
        var name = $"{role} {suffix}";
        await using var scope = _app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<UserAdministration>().AddAsync(email, name, role, Password);
        return added.Succeeded
            ? new TestUser(added.Value.Id, email, name)
            : throw new InvalidOperationException($"Could not add {email}: {added.Refusal.Message}");
    }

    public async Task<string> CreateTokenAsync(TestUser user)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokens>()
            .CreateAsync(user.Id, "browser tests", expiresInDays: null, TestContext.Current.CancellationToken);
        return created.Value?.PlainText ?? throw new InvalidOperationException($"Could not create a token for {user.Email}.");
    }

    /// <summary>
    /// The labels of the main navigation a user of <paramref name="role"/> should see, in order: the brand, then every
    /// capability module's entry whose policy lets the role in.
    /// </summary>
    public async Task<string[]> NavigationLabelsAsync(string role)
    {
        var authorization = _app.Services.GetRequiredService<IAuthorizationService>();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, role)], "test"));
        var labels = new List<string> { "Vouch" };
        foreach (var entry in CapabilityModules.Navigation)
        {
            if ((await authorization.AuthorizeAsync(user, entry.Policy)).Succeeded)
            {
                labels.Add(entry.Label);
            }
        }
        return [.. labels];
    }

    /// <summary>Reads the database directly, to know what the pages should show.</summary>
    public async Task<T> QueryAsync<T>(Func<VouchDbContext, CancellationToken, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<VouchDbContext>(), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Prepares the database as an operator would before serving (<c>vouch migrate</c>, then <c>vouch seed --demo</c>
    /// when <paramref name="demo"/>), with the app's own services; the server then runs in Production, where it refuses
    /// an out-of-date schema.
    /// </summary>
    private static async Task MigrateAndSeedAsync(Dictionary<string, string> configuration, bool demo, CancellationToken ct)
    {
        await using var app = VouchHost.CreateBuilder([.. configuration.Select(setting => $"--{setting.Key}={setting.Value}")]).Build();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
        if (demo)
        {
            await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider).SeedAsync(ct);
        }
    }

    private sealed class VouchApp : WebApplicationFactory<Program>
    {
        private readonly Dictionary<string, string> _configuration;

        public VouchApp(Dictionary<string, string> configuration)
        {
            _configuration = configuration;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Production);
            foreach (var (key, value) in _configuration)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
