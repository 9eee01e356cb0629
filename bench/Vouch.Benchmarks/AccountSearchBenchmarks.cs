using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Seeding;
using Vouch.Web;

namespace Vouch.Benchmarks;

/// <summary>
/// The account search behind <c>GET /api/v1/accounts</c> and the accounts page, on SQLite seeded by
/// <c>vouch seed --scale</c>: the total (COUNT) and one page, with a new DbContext per search as per request.
/// </summary>
[MemoryDiagnoser]
public class AccountSearchBenchmarks
{
    private BenchDatabase _database = null!;

    [Params(100_000)]
    public int Contacts { get; set; }

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        _database = await BenchDatabase.CreateAsync();
        await using var scope = _database.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ScaleData>().SeedAsync(Contacts);
    }

    [GlobalCleanup]
    public ValueTask CleanUpAsync() => _database.DisposeAsync();

    [Benchmark(Baseline = true, Description = "first page of 50")]
    public Task<int> FirstPage() => SearchAsync(new PageQuery(), new AccountFilter());

    [Benchmark(Description = "the total alone (COUNT)")]
    public async Task<int> TotalOnly()
    {
        await using var scope = _database.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<VouchDbContext>().Accounts.AsNoTracking().CountAsync();
    }

    [Benchmark(Description = "page 100 of 50")]
    public Task<int> DeepPage() => SearchAsync(new PageQuery { Page = 100 }, new AccountFilter());

    [Benchmark(Description = "name contains 'group'")]
    public Task<int> NameContains() => SearchAsync(new PageQuery { Q = "group" }, new AccountFilter());

    [Benchmark(Description = "country DE, Enterprise")]
    public Task<int> CountryAndSegment() => SearchAsync(new PageQuery(), new AccountFilter { Country = "DE", Segment = "Enterprise" });

    private async Task<int> SearchAsync(PageQuery page, AccountFilter filter)
    {
        await using var scope = _database.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<VouchDbContext>().SearchAsync(page, filter, CancellationToken.None);
        return result.Items.Count == 0 ? throw new InvalidOperationException("The search found nothing to measure.") : result.Total;
    }
}
