using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Features.Tokens;
using Vouch.Features.Users;
using Vouch.Testing;

namespace Vouch.Tests.Infrastructure;

/// <summary>
/// The whole app over its own database, through the real HTTP pipeline. Tests get clients that act
/// as a new user of a given role, authenticated with a real personal access token.
/// </summary>
public class VouchApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Correct-Horse-42";

    private TestDatabase? _database;
    private bool _ownsDatabase = true;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("The app is not initialised.");

    public virtual async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        // Starting the app migrates its new database.
        _ = Services;
    }

    /// <summary>
    /// Another instance of the app over <paramref name="first"/>'s database, as a second server behind a load balancer
    /// would be: its own memory, the same data.
    /// </summary>
    public sealed class Beside(VouchApp first) : VouchApp
    {
        public override ValueTask InitializeAsync()
        {
            _database = first.Database;
            _ownsDatabase = false;
            _ = Services;
            return ValueTask.CompletedTask;
        }
    }

    /// <summary>The same app on a real Kestrel server on 127.0.0.1, for what only a real server does (body size limits).</summary>
    public sealed class OnKestrel : VouchApp
    {
        public OnKestrel() => UseKestrel(0);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Vouch", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStart", "true");
        // Digests go out only where a test sends them itself.
        builder.UseSetting("Digest:Enabled", "false");
        // Embeddings are worked out where a test asks for them, so the model loads only for the tests about meaning.
        builder.UseSetting("Meaning:EmbedInBackground", "false");
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task WithScopeAsync(Func<IServiceProvider, Task> work) =>
        WithScopeAsync(async services => { await work(services); return true; });

    /// <summary>Adds a user with a unique email in <paramref name="role"/>.</summary>
    public Task<UserResponse> AddUserAsync(string role, string? email = null) => WithScopeAsync(async services =>
    {
        var added = await services.GetRequiredService<UserAdministration>()
            .AddAsync(email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", null, role, Password);
        return added.Succeeded ? added.Value : throw new InvalidOperationException(added.Refusal.Message);
    });

    public Task<string> CreateTokenAsync(Guid userId) => WithScopeAsync(async services =>
    {
        var created = await services.GetRequiredService<AccessTokens>().CreateAsync(userId, "tests", null);
        return created.Value!.PlainText;
    });

    /// <summary>A client acting as a new user of <paramref name="role"/>.</summary>
    public async Task<HttpClient> ClientForAsync(string role)
    {
        var user = await AddUserAsync(role);
        return ClientWithToken(await CreateTokenAsync(user.Id));
    }

    public HttpClient ClientWithToken(string token)
    {
        var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client that sees redirects rather than following them; on Kestrel, the server's real address.</summary>
    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null && _ownsDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
