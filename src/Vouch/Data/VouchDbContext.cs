using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Audit;
using Vouch.Features.Catalog;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Email;
using Vouch.Features.Engagements;
using Vouch.Features.Ideas;
using Vouch.Features.Import;
using Vouch.Features.Notifications;
using Vouch.Features.Opportunities;
using Vouch.Features.Requests;
using Vouch.Features.Tokens;
using Vouch.Features.Users;
using Vouch.Hosting;

namespace Vouch.Data;

/// <summary>The unit of work: one context for the whole app, configured per entity in each feature folder.</summary>
public sealed class VouchDbContext(DbContextOptions<VouchDbContext> options)
    : IdentityDbContext<User, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Account> Accounts => Set<Account>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactBlackout> ContactBlackouts => Set<ContactBlackout>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<NpsAnswer> NpsAnswers => Set<NpsAnswer>();
    public DbSet<ActivityType> ActivityTypes => Set<ActivityType>();
    public DbSet<Industry> Industries => Set<Industry>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<ContentAsset> ContentAssets => Set<ContentAsset>();
    public DbSet<ContentFileChunk> ContentFileChunks => Set<ContentFileChunk>();
    public DbSet<OpportunityContactRole> OpportunityContactRoles => Set<OpportunityContactRole>();
    public DbSet<ImportJob> ImportJobs => Set<ImportJob>();
    public DbSet<Idea> Ideas => Set<Idea>();
    public DbSet<IdeaVote> IdeaVotes => Set<IdeaVote>();
    public DbSet<IdeaComment> IdeaComments => Set<IdeaComment>();
    public DbSet<IdeaFollow> IdeaFollows => Set<IdeaFollow>();
    public DbSet<IdeaDemand> IdeaDemands => Set<IdeaDemand>();
    public DbSet<IdeaCredit> IdeaCredits => Set<IdeaCredit>();
    public DbSet<IdeaTerm> IdeaTerms => Set<IdeaTerm>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<OutboundEmail> OutboundEmails => Set<OutboundEmail>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<ReferenceRequest> ReferenceRequests => Set<ReferenceRequest>();
    public DbSet<RequestTransition> RequestTransitions => Set<RequestTransition>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Who the audit names for this context's changes: the actor of the scope that leased it from the pool, none for a
    /// context made outside a scope. Forgotten when the context goes back to the pool.
    /// </summary>
    internal AuditActor? Actor { get; set; }

    /// <summary>
    /// The import this context is saving for, set by the importer for its run: the audit names it on every entry and
    /// keeps an import's entries short (docs/decisions/0038-import-audit.md). Forgotten when the context goes back to
    /// the pool.
    /// </summary>
    internal Guid? ImportId { get; set; }

    public override void Dispose()
    {
        (Actor, ImportId) = (null, null);
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        (Actor, ImportId) = (null, null);
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(VouchDbContext).Assembly);
        NameTablesInThePlural(builder);
        builder.Entity<User>().Property(u => u.DisplayName).HasMaxLength(User.DisplayNameMaxLength);
        builder.Entity<User>().HasOne(u => u.Contact).WithMany().HasForeignKey(u => u.ContactId).OnDelete(DeleteBehavior.SetNull);
        builder.Entity<User>().HasIndex(u => u.ContactId);
        builder.Entity<User>().Property(u => u.DigestSentFor).HasMaxLength(7);
        builder.Entity<User>().Property(u => u.Language).HasMaxLength(Web.Languages.CodeMaxLength);
        builder.Entity<User>().Property(u => u.ExternalId).HasMaxLength(User.ExternalIdMaxLength);
        builder.Entity<User>().HasIndex(u => u.ExternalId).IsUnique();
        builder.Entity<User>().Property(u => u.GivenName).HasMaxLength(User.NamePartMaxLength);
        builder.Entity<User>().Property(u => u.FamilyName).HasMaxLength(User.NamePartMaxLength);
        builder.Entity<User>().Property(u => u.ScimExternalId).HasMaxLength(User.ScimExternalIdMaxLength);
        builder.Entity<User>().HasIndex(u => u.ScimExternalId);
        // The roles are part of the schema: every database has them from its first migration.
        builder.Entity<IdentityRole<Guid>>().HasData(Auth.Roles.All.Select(role => new IdentityRole<Guid>
        {
            Id = StableId.For("role:" + role),
            Name = role,
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = role,
        }));
    }

    /// <summary>
    /// Records that capabilities reach through <c>Set&lt;T&gt;()</c>, without a property here, would get their class's
    /// name for a table: they are named in the plural like every other table ("Referrals", "GiftPolicies").
    /// </summary>
    private static void NameTablesInThePlural(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.HasSharedClrType && e.GetTableName() == e.ClrType.Name))
        {
            var name = entity.ClrType.Name;
            entity.SetTableName(name.EndsWith('y') && !"aeiou".Contains(name[^2]) ? name[..^1] + "ies" : name.EndsWith('s') ? name + "es" : name + "s");
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (Database.IsSqlite())
        {
            // SQLite has no date-time-with-offset type; store UTC ticks so that ordering and ranges
            // are translated to SQL.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Every modified record gets a new <c>Version</c>, the optimistic concurrency token.</summary>
    private void ChangeVersions()
    {
        foreach (var entry in ChangeTracker.Entries().Where(e => e.State == EntityState.Modified))
        {
            if (entry.Metadata.FindProperty("Version") is { IsConcurrencyToken: true } version && version.ClrType == typeof(Guid))
            {
                entry.Property(version.Name).CurrentValue = Guid.NewGuid();
            }
        }
    }
}
