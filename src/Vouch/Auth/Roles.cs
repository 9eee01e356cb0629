namespace Vouch.Auth;

/// <summary>The roles of DESIGN.md's "People and roles".</summary>
public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string ReferenceManager = nameof(ReferenceManager);
    public const string Seller = nameof(Seller);
    public const string Executive = nameof(Executive);
    public const string Advocate = nameof(Advocate);

    public static readonly IReadOnlyList<string> All = [Admin, ReferenceManager, Seller, Executive, Advocate];

    /// <summary>The role's canonical name for any casing ("admin" is "Admin"), or null.</summary>
    public static string? Canonical(string role) => All.FirstOrDefault(r => string.Equals(r, role, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Named authorization policies. Every endpoint and page names one.</summary>
public static class Policies
{
    /// <summary>Any signed-in, enabled user.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>Employees who read the customer inventory.</summary>
    public const string ReadInventory = nameof(ReadInventory);

    /// <summary>Those who change the customer inventory and its catalogues.</summary>
    public const string ManageInventory = nameof(ManageInventory);

    /// <summary>Users, roles and settings.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Customers' own portal.</summary>
    public const string AdvocatePortal = nameof(AdvocatePortal);

    /// <summary>The idea exchange: everyone posts, votes, comments and follows.</summary>
    public const string PostIdeas = nameof(PostIdeas);

    /// <summary>Product management of ideas: statuses, merges and moderation.</summary>
    public const string ManageIdeas = nameof(ManageIdeas);

    /// <summary>
    /// Taking the reference inventory out of Vouch as a file. Executives read it in the app but do
    /// not export it: a file of customer contacts leaves the audit trail behind.
    /// </summary>
    public const string ExportReferences = nameof(ExportReferences);

    /// <summary>Asking for references and moving one's requests along: sellers, and the program team for everyone.</summary>
    public const string RequestReferences = nameof(RequestReferences);

    /// <summary>Accepting or declining an ask: the advocate asked, or the program team on their behalf.</summary>
    public const string AnswerAsks = nameof(AnswerAsks);

    /// <summary>The program's reports: supply and demand, influenced revenue.</summary>
    public const string ReadReports = nameof(ReadReports);

    public static readonly IReadOnlyDictionary<string, string[]> RolesByPolicy = new Dictionary<string, string[]>
    {
        [ReadInventory] = [Roles.Admin, Roles.ReferenceManager, Roles.Seller, Roles.Executive],
        [ManageInventory] = [Roles.Admin, Roles.ReferenceManager],
        [ExportReferences] = [Roles.Admin, Roles.ReferenceManager, Roles.Seller],
        [Administer] = [Roles.Admin],
        [AdvocatePortal] = [Roles.Advocate],
        [PostIdeas] = [.. Roles.All],
        [ManageIdeas] = [Roles.Admin, Roles.ReferenceManager],
        [RequestReferences] = [Roles.Admin, Roles.ReferenceManager, Roles.Seller],
        [AnswerAsks] = [Roles.Admin, Roles.ReferenceManager, Roles.Advocate],
        [ReadReports] = [Roles.Admin, Roles.ReferenceManager, Roles.Executive],
    };
}
