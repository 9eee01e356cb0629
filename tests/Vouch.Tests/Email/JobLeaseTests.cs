using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vouch.Data;
using Vouch.Hosting;
using Vouch.Tests.Infrastructure;

namespace Vouch.Tests.Email;

/// <summary>A job lease is held by one instance at a time, however many ask at once.</summary>
public sealed class JobLeaseTests(VouchApp app) : IClassFixture<VouchApp>
{
    private const int Contenders = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Of_many_instances_asking_for_a_new_lease_at_once_exactly_one_gets_it()
    {
        var job = $"job-{Guid.NewGuid():N}";

        var winners = await ContendAsync(job, TimeSpan.FromMinutes(5));

        var winner = Assert.Single(winners);
        Assert.Equal(winner, await HolderAsync(job));
    }

    [Fact]
    public async Task Of_many_instances_asking_for_a_lapsed_lease_at_once_exactly_one_gets_it()
    {
        var job = $"job-{Guid.NewGuid():N}";
        Assert.True(await TryAcquireAsync(job, "first", TimeSpan.FromMilliseconds(1)));
        await Task.Delay(20, Ct);

        var winners = await ContendAsync(job, TimeSpan.FromMinutes(5));

        Assert.Equal(Assert.Single(winners), await HolderAsync(job));
    }

    [Fact]
    public async Task A_held_lease_is_refused_until_its_holder_gives_it_back()
    {
        var job = $"job-{Guid.NewGuid():N}";
        Assert.True(await TryAcquireAsync(job, "first", TimeSpan.FromMinutes(5)));

        Assert.False(await TryAcquireAsync(job, "second", TimeSpan.FromMinutes(5)));
        Assert.False(await TryAcquireAsync(job, "first", TimeSpan.FromMinutes(5)));
        await WithLeasesAsync(leases => leases.ReleaseAsync(job, "second", Ct));
        Assert.False(await TryAcquireAsync(job, "second", TimeSpan.FromMinutes(5)));
        await WithLeasesAsync(leases => leases.ReleaseAsync(job, "first", Ct));

        Assert.True(await TryAcquireAsync(job, "second", TimeSpan.FromMinutes(5)));
        Assert.Equal("second", await HolderAsync(job));
    }

    /// <summary>Each contender asks from its own scope (its own connection), all released at the same moment.</summary>
    private async Task<List<string>> ContendAsync(string job, TimeSpan duration)
    {
        using var start = new Barrier(Contenders);
        var attempts = Enumerable.Range(0, Contenders).Select(i => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
            start.SignalAndWait(Ct);
            return await leases.TryAcquireAsync(job, $"instance-{i}", duration, Ct) ? $"instance-{i}" : null;
        }, Ct));
        return [.. (await Task.WhenAll(attempts)).OfType<string>()];
    }

    private Task<bool> TryAcquireAsync(string job, string holder, TimeSpan duration) =>
        app.WithScopeAsync(services => services.GetRequiredService<JobLeases>().TryAcquireAsync(job, holder, duration, Ct));

    private Task WithLeasesAsync(Func<JobLeases, Task> work) => app.WithScopeAsync(services => work(services.GetRequiredService<JobLeases>()));

    private Task<string> HolderAsync(string job) => app.WithScopeAsync(services =>
        services.GetRequiredService<VouchDbContext>().JobLeases.Where(l => l.Name == job).Select(l => l.HeldBy).SingleAsync(Ct));
}
