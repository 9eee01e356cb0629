using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Features.Users;

namespace Vouch.Features.Gifts;

/// <summary>Where a gift stands: given (and in the ledger), waiting for approval, or refused by the approver.</summary>
public enum GiftState { AwaitingApproval, Given, Refused }

/// <summary>
/// Something of value the program gave an advocate (a dinner, a book, a conference pass), within the gift policy
/// (decision 20). Once given it is a give in the ledger, credited with the policy's hours per gift.
/// </summary>
public sealed class Gift : IVersioned
{
    public const int DescriptionMaxLength = 200;
    public const int OccasionMaxLength = 100;
    public const int NoteMaxLength = 1_000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ContactId { get; set; }
    public Contact? Contact { get; set; }
    public required string Description { get; set; }
    public decimal Value { get; set; }

    /// <summary>ISO 4217, upper case: the policy's currency, since a gift in another is refused.</summary>
    public required string Currency { get; set; }
    public DateOnly GivenOn { get; set; }
    public string? Occasion { get; set; }
    public GiftState State { get; set; }

    /// <summary>Why the gift waits for approval, in the policy's words (over the threshold, or the limit it breaks).</summary>
    public string? WaitsBecause { get; set; }

    /// <summary>For an exception to a limit: the limit it breaks and the numbers, as the policy said them when recorded.</summary>
    public string? Exception { get; set; }

    /// <summary>Why the person recording it asked for the exception.</summary>
    public string? ExceptionReason { get; set; }

    /// <summary>The hours the gift is worth in the give/ask balance, fixed when it is given.</summary>
    public decimal? CreditHours { get; set; }

    public Guid RecordedById { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>Who approved or refused the gift, when and why.</summary>
    public Guid? DecidedById { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
}

internal sealed class GiftConfiguration : IEntityTypeConfiguration<Gift>
{
    public void Configure(EntityTypeBuilder<Gift> builder)
    {
        builder.ToTable("Gifts");
        builder.Property(g => g.Description).HasMaxLength(Gift.DescriptionMaxLength);
        builder.Property(g => g.Occasion).HasMaxLength(Gift.OccasionMaxLength);
        builder.Property(g => g.Currency).HasMaxLength(3);
        builder.Property(g => g.Value).HasPrecision(12, 2);
        builder.Property(g => g.CreditHours).HasPrecision(6, 2);
        builder.Property(g => g.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(g => g.WaitsBecause).HasMaxLength(Gift.NoteMaxLength);
        builder.Property(g => g.Exception).HasMaxLength(Gift.NoteMaxLength);
        builder.Property(g => g.ExceptionReason).HasMaxLength(Gift.NoteMaxLength);
        builder.Property(g => g.DecisionNote).HasMaxLength(Gift.NoteMaxLength);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne(g => g.Contact).WithMany().HasForeignKey(g => g.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(g => g.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(g => g.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.ContactId, g.GivenOn });
        builder.HasIndex(g => g.State);
        // A gift's give in the ledger names it; the give stays (as a give) if the gift record ever goes.
        builder.HasMany<Engagement>().WithOne().HasForeignKey(e => e.GiftId).OnDelete(DeleteBehavior.SetNull);
    }
}
