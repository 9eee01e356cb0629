using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;

namespace Vouch.Hosting;

/// <summary>
/// Who runs a periodic job, and until when. Several instances of the app share one database; the lease makes a job
/// run on one of them at a time.
/// </summary>
public sealed class JobLease : INotAudited
{
    public const int NameMaxLength = 100;
    public const int HolderMaxLength = 200;

    public required string Name { get; set; }
    public required string HeldBy { get; set; }
    public DateTimeOffset Until { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(JobLease.NameMaxLength);
        builder.Property(l => l.HeldBy).HasMaxLength(JobLease.HolderMaxLength);
    }
}

/// <summary>
/// Takes and gives back <see cref="JobLease"/>s with conditional writes, so that of several instances asking at once
/// exactly one gets a free lease. Use it on a context of its own: taking a new lease saves the context.
/// </summary>
public sealed class JobLeases(VouchDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Takes the lease <paramref name="name"/> for <paramref name="duration"/> if nobody holds it (or their lease ran
    /// out). To run a job once per period across instances, take it for the period and do not give it back; to run
    /// one at a time, take it for longer than the job can take and give it back when done.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + duration;
        // The condition is checked by the database on the row it updates: of two instances, the second finds the row
        // already taken (PostgreSQL re-checks it after waiting for the first's row lock; SQLite has one writer).
        var taken = await db.JobLeases.Where(l => l.Name == name && l.Until <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldBy, holder).SetProperty(l => l.Until, until), ct);
        if (taken == 1)
        {
            return true;
        }
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            return false;
        }
        // A lease nobody has taken yet: the primary key lets only one insert win.
        var lease = db.JobLeases.Add(new JobLease { Name = name, HeldBy = holder, Until = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            lease.State = EntityState.Detached;
            return false;
        }
    }

    /// <summary>
    /// Holds the lease for <paramref name="duration"/> from now, if <paramref name="holder"/> still holds it: a long job
    /// takes a short lease and renews it as it goes, so that if its instance dies another takes over soon.
    /// </summary>
    public async Task<bool> RenewAsync(string name, string holder, TimeSpan duration, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.JobLeases.Where(l => l.Name == name && l.HeldBy == holder && l.Until > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, now + duration), ct) == 1;
    }

    /// <summary>Gives the lease back early, if <paramref name="holder"/> still holds it.</summary>
    public async Task ReleaseAsync(string name, string holder, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.JobLeases.Where(l => l.Name == name && l.HeldBy == holder && l.Until > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Until, now), ct);
    }
}
