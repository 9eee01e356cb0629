using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Auth;
using Vouch.Features.Tokens;
using Vouch.Features.Users;

namespace Vouch.Benchmarks;

/// <summary>
/// What every API call pays before its endpoint runs: finding the bearer token by its hash and
/// building the caller's claims, against SQLite.
/// </summary>
[MemoryDiagnoser]
public class BearerAuthenticationBenchmarks
{
    private BenchDatabase _database = null!;
    private MemoryCache _claimsCache = null!;
    private string _token = "";

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await BenchDatabase.CreateAsync();
        await using var scope = _database.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserAdministration>()
            .AddAsync("bench@vouch.example", "Bench", Roles.Seller, "Bench-Passw0rd");
        var created = await scope.ServiceProvider.GetRequiredService<AccessTokens>().CreateAsync(user.Value!.Id, "benchmark", null);
        _token = created.Value!.PlainText;
        _claimsCache = (MemoryCache)_database.Services.GetRequiredService<IMemoryCache>();
    }

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _database.DisposeAsync();

    [Benchmark(Description = "token hash only")]
    public byte[] HashOnly() => AccessToken.HashOf(_token);

    /// <summary>As every request was before the claims were cached: four more queries.</summary>
    [Benchmark(Baseline = true, Description = "authenticate, claims built")]
    public Task<bool> ClaimsBuilt()
    {
        _claimsCache.Clear();
        return AuthenticateAsync();
    }

    [Benchmark(Description = "authenticate, claims reused")]
    public Task<bool> ClaimsReused() => AuthenticateAsync();

    private async Task<bool> AuthenticateAsync()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers.Authorization = "Bearer " + _token;
        var result = await context.AuthenticateAsync(AccessTokenAuthenticationHandler.SchemeName);
        return result.Succeeded ? true : throw new InvalidOperationException("The benchmark token was refused.");
    }
}
