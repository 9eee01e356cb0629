using Microsoft.EntityFrameworkCore;

namespace Vouch.Data;

/// <summary>
/// A record saved with optimistic concurrency: every save gives it a new <see cref="Version"/> (see
/// <see cref="VouchDbContext"/>), and a change is saved only over the version its author read.
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>The one way a versioned record is changed: check the version the caller read, then save over it alone.</summary>
public static class Versioning
{
    public const string VersionRequired = "version is required: send the version you read, so a concurrent change is not overwritten.";

    /// <summary>A refusal when the caller sent no version, or one older than the record's; null when it may go on.</summary>
    public static Refusal? Check(IVersioned record, Guid? readVersion) =>
        readVersion is null ? Refusal.Invalid("version", VersionRequired)
        : readVersion != record.Version ? Refusal.StaleVersion
        : null;

    /// <summary>
    /// Saves the changes with the UPDATE comparing the version the caller read, so that a save between our read and
    /// this write also fails. With <paramref name="alwaysNewVersion"/> the record gets a new version even when only
    /// records it owns changed (a contact's agreed activities).
    /// </summary>
    public static async Task<CommandResult> SaveOverAsync<T>(
        this VouchDbContext db, T record, Guid readVersion, CancellationToken ct, bool alwaysNewVersion = false)
        where T : class, IVersioned
    {
        var version = db.Entry(record).Property<Guid>(nameof(IVersioned.Version));
        version.OriginalValue = readVersion;
        if (alwaysNewVersion)
        {
            version.IsModified = true;
        }
        try
        {
            await db.SaveChangesAsync(ct);
            return CommandResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refusal.StaleVersion;
        }
    }
}
