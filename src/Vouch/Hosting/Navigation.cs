namespace Vouch.Hosting;

/// <summary>The groups of the main navigation, in the order it shows them.</summary>
public enum NavigationGroup
{
    /// <summary>Running the reference program: the dashboard, requests, references, content; an advocate's portal.</summary>
    Program,

    /// <summary>The customer inventory: accounts, contacts, deals.</summary>
    Customers,

    /// <summary>Where customers and employees meet: the idea exchange.</summary>
    Community,

    /// <summary>What the program is worth and where it falls short.</summary>
    Reports,

    /// <summary>Setting the program up: users, activity types, imports.</summary>
    Admin,

    /// <summary>The user's own things, always shown as links of their own: notifications, tokens, settings.</summary>
    Personal,
}

/// <summary>
/// One link of the main navigation: shown to whoever passes <paramref name="Policy"/>, in its group, by
/// <paramref name="Order"/>. A <paramref name="Badge"/> adds a short count beside the label ("3 unread").
/// </summary>
public sealed record NavigationEntry(
    string Label,
    string Href,
    string Policy,
    NavigationGroup Group,
    int Order,
    Func<IServiceProvider, CancellationToken, Task<string?>>? Badge = null);
