using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Vouch.Features.Accounts;
using Vouch.Features.ActivityTypes;
using Vouch.Data;

namespace Vouch.Features.Contacts;

public enum PersonalityStyle { Driver, Analytical, Expressive, Amiable }

/// <summary>How far a contact has come as an advocate; being a defender is a separate flag.</summary>
public enum AdvocacyStage { Customer, Promoter, Advocate, RockStar }

/// <summary>The five kinds of social capital an advocate may want in return for their time.</summary>
[Flags]
public enum SocialCapital
{
    None = 0,
    Affiliation = 1,
    Learning = 2,
    Reputation = 4,
    Status = 8,
    ProductSay = 16,
}

/// <summary>How far a contact has agreed to be a reference.</summary>
public enum ConsentLevel { None, Verbal, Written }

/// <summary>The ways an advocate is willing to be reached for an ask.</summary>
[Flags]
public enum Channels
{
    None = 0,
    Email = 1,
    Phone = 2,
    Video = 4,
    InPerson = 8,
}

/// <summary>A person at a customer account, and a possible advocate.</summary>
public sealed class Contact : ISoftDeletable, IVersioned
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 254;
    public const int StoryMaxLength = 4000;
    public const int NotesMaxLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AccountId { get; set; }
    public Account? Account { get; set; }
    public required string FirstName { get; set; }
    public required string LastName { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public PersonalityStyle? PersonalityStyle { get; set; }
    public SocialCapital SocialCapitalWanted { get; set; }
    public bool IsLeadUser { get; set; }
    public bool HelpsOthers { get; set; }
    public AdvocacyStage AdvocacyStage { get; set; }
    public bool IsDefender { get; set; }

    // Influence signals.
    public string? BlogUrl { get; set; }
    public int? Followers { get; set; }
    public string? Associations { get; set; }
    public bool SpeaksAtEvents { get; set; }

    // Referenceability: may we ask them, for what, how often and how.
    public ConsentLevel Consent { get; set; }
    public DateOnly? ConsentGivenOn { get; set; }
    public DateOnly? ConsentExpiresOn { get; set; }

    /// <summary>What the consent covers, in the contact's words ("calls with prospects in DACH only").</summary>
    public string? ConsentScope { get; set; }

    /// <summary>The activities the contact agreed to.</summary>
    public List<ActivityType> AgreedActivities { get; set; } = [];
    public int? MaxAsksPerQuarter { get; set; }
    public Channels PreferredChannels { get; set; }
    public List<ContactBlackout> Blackouts { get; set; } = [];

    // The story: what they use us for, what it achieved, what they say about it.
    public string? UseCase { get; set; }
    public string? Results { get; set; }
    public string? Quotes { get; set; }

    /// <summary>The story as one text, as matching compares it with a use case by words and by meaning; empty without one.</summary>
    public static string StoryOf(string? useCase, string? results, string? quotes) =>
        string.Join(' ', new[] { useCase, results, quotes }.Where(t => !string.IsNullOrWhiteSpace(t)));

    // The honest half of the story: where the product fits, and where it does not.
    public string? FitsWhere { get; set; }
    public string? NotAFitFor { get; set; }

    /// <summary>The reference team's private notes: never shown to sellers, executives or the contact.</summary>
    public string? Notes { get; set; }

    public string? ExternalId { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();

    public string FullName => $"{FirstName} {LastName}";
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.FirstName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.LastName).HasMaxLength(Contact.NameMaxLength);
        builder.Property(c => c.Title).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(Contact.EmailMaxLength);
        builder.Property(c => c.Phone).HasMaxLength(40);
        builder.Property(c => c.PersonalityStyle).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.AdvocacyStage).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.ExternalId).HasMaxLength(Account.ExternalIdMaxLength);
        builder.Property(c => c.BlogUrl).HasMaxLength(500);
        builder.Property(c => c.Associations).HasMaxLength(500);
        builder.Property(c => c.Consent).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.ConsentScope).HasMaxLength(500);
        builder.Property(c => c.UseCase).HasMaxLength(Contact.StoryMaxLength);
        builder.Property(c => c.Results).HasMaxLength(Contact.StoryMaxLength);
        builder.Property(c => c.Quotes).HasMaxLength(Contact.StoryMaxLength);
        builder.Property(c => c.FitsWhere).HasMaxLength(Contact.StoryMaxLength);
        builder.Property(c => c.NotAFitFor).HasMaxLength(Contact.StoryMaxLength);
        builder.Property(c => c.Notes).HasMaxLength(Contact.NotesMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.FullName);
        builder.HasOne(c => c.Account).WithMany().HasForeignKey(c => c.AccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AgreedActivities).WithMany().UsingEntity("ContactActivityTypes");
        builder.HasMany(c => c.Blackouts).WithOne().HasForeignKey(b => b.ContactId).OnDelete(DeleteBehavior.Cascade);
        // Deleting an account soft-deletes its contacts with it, so a contact's own flag is enough here.
        builder.HasQueryFilter(c => c.DeletedAt == null);
        builder.HasIndex(c => c.AccountId);
        // The list's order, so a page is read from the index instead of sorting every contact.
        builder.HasIndex(c => new { c.LastName, c.FirstName, c.Id });
        builder.HasIndex(c => c.Email);
        builder.HasIndex(c => c.ExternalId).IsUnique();
    }
}
