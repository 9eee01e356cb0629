using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;

namespace Vouch.Features.Value;

/// <summary>
/// An account's value as last worked out, so that customers sorted by engagement value or multiple are the first rows
/// of an index instead of a million computations. Kept up to date by <see cref="ValueRefreshJob"/>; one account's page
/// and API work their value out on read. Amounts are doubles: SQLite sorts decimals as text.
/// </summary>
public sealed class AccountValue : INotAudited
{
    public Guid AccountId { get; set; }

    /// <summary>Not deleted, and a customer: a customer since or contract date, or a won deal.</summary>
    public bool IsCustomer { get; set; }
    public Guid? OwnerId { get; set; }
    public Segment? Segment { get; set; }
    public Guid? IndustryId { get; set; }
    public double? Lifetime { get; set; }
    public double Referral { get; set; }
    public double Influence { get; set; }
    public double Knowledge { get; set; }
    public double? Engagement { get; set; }
    public double? Multiple { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>A contact's value beyond buying as last worked out, with the hours asked of them: who is under- or over-used.</summary>
public sealed class ContactValue : INotAudited
{
    public Guid ContactId { get; set; }
    public Guid AccountId { get; set; }

    /// <summary>Not deleted, and an advocate or rock star.</summary>
    public bool IsAdvocate { get; set; }
    public double Referral { get; set; }
    public double Influence { get; set; }
    public double Knowledge { get; set; }

    /// <summary>Referral, influence and knowledge value together.</summary>
    public double Beyond { get; set; }

    /// <summary>The hours of their completed asks.</summary>
    public double AskHours { get; set; }

    /// <summary>Value beyond buying per hour asked; none when nothing was asked.</summary>
    public double? PerAskHour { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}

/// <summary>What a mark names: a record whose change may move stored values.</summary>
public enum StaleKind { All, Account, Deal, Event, Review, Idea }

/// <summary>
/// A note, written in the same save as the change, that the values behind a record may have moved; the refresh job
/// works out the accounts it touches and deletes the note.
/// </summary>
public sealed class StaleValue : INotAudited
{
    public long Id { get; set; }
    public StaleKind Kind { get; set; }
    public Guid? RecordId { get; set; }
    public DateTimeOffset At { get; set; }
}

internal sealed class AccountValueConfiguration : IEntityTypeConfiguration<AccountValue>
{
    public void Configure(EntityTypeBuilder<AccountValue> builder)
    {
        builder.ToTable("AccountValues");
        builder.HasKey(v => v.AccountId);
        builder.Property(v => v.Segment).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Account>().WithOne().HasForeignKey<AccountValue>(v => v.AccountId).OnDelete(DeleteBehavior.Cascade);
        // Each list's order, so its first page is the first rows of an index.
        builder.HasIndex(v => new { v.IsCustomer, v.Engagement, v.AccountId });
        builder.HasIndex(v => new { v.IsCustomer, v.Multiple, v.AccountId });
        builder.HasIndex(v => new { v.OwnerId, v.IsCustomer, v.Engagement });
    }
}

internal sealed class ContactValueConfiguration : IEntityTypeConfiguration<ContactValue>
{
    public void Configure(EntityTypeBuilder<ContactValue> builder)
    {
        builder.ToTable("ContactValues");
        builder.HasKey(v => v.ContactId);
        builder.HasOne<Contact>().WithOne().HasForeignKey<ContactValue>(v => v.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => v.AccountId);
        builder.HasIndex(v => new { v.IsAdvocate, v.Beyond, v.ContactId });
        builder.HasIndex(v => new { v.IsAdvocate, v.AskHours, v.ContactId });
    }
}

internal sealed class StaleValueConfiguration : IEntityTypeConfiguration<StaleValue>
{
    public void Configure(EntityTypeBuilder<StaleValue> builder)
    {
        builder.ToTable("StaleValues");
        builder.Property(v => v.Kind).HasConversion<string>().HasMaxLength(10);
    }
}
