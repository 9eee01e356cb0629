using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace Vouch.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddTheValueOfCustomers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "StakeholderGroupId",
                table: "ReferenceRequests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FitsWhere",
                table: "ContentAssets",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotAFitFor",
                table: "ContentAssets",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FitsWhere",
                table: "Contacts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotAFitFor",
                table: "Contacts",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AccountValues",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsCustomer = table.Column<bool>(type: "boolean", nullable: false),
                    OwnerId = table.Column<Guid>(type: "uuid", nullable: true),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    IndustryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Lifetime = table.Column<double>(type: "double precision", nullable: true),
                    Referral = table.Column<double>(type: "double precision", nullable: false),
                    Influence = table.Column<double>(type: "double precision", nullable: false),
                    Knowledge = table.Column<double>(type: "double precision", nullable: false),
                    Engagement = table.Column<double>(type: "double precision", nullable: true),
                    Multiple = table.Column<double>(type: "double precision", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountValues", x => x.AccountId);
                    table.ForeignKey(
                        name: "FK_AccountValues_Accounts_AccountId",
                        column: x => x.AccountId,
                        principalTable: "Accounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ActivityPolicies",
                columns: table => new
                {
                    ActivityTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    MinimumStage = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    MinimumDealSize = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityPolicies", x => x.ActivityTypeId);
                    table.ForeignKey(
                        name: "FK_ActivityPolicies_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "BuyerJourneyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Influences = table.Column<int[]>(type: "integer[]", nullable: false),
                    MatteredMost = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AnsweredById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuyerJourneyAnswers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BuyerJourneyAnswers_AspNetUsers_AnsweredById",
                        column: x => x.AnsweredById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_BuyerJourneyAnswers_Opportunities_OpportunityId",
                        column: x => x.OpportunityId,
                        principalTable: "Opportunities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactValues",
                columns: table => new
                {
                    ContactId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsAdvocate = table.Column<bool>(type: "boolean", nullable: false),
                    Referral = table.Column<double>(type: "double precision", nullable: false),
                    Influence = table.Column<double>(type: "double precision", nullable: false),
                    Knowledge = table.Column<double>(type: "double precision", nullable: false),
                    Beyond = table.Column<double>(type: "double precision", nullable: false),
                    AskHours = table.Column<double>(type: "double precision", nullable: false),
                    PerAskHour = table.Column<double>(type: "double precision", nullable: true),
                    ComputedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactValues", x => x.ContactId);
                    table.ForeignKey(
                        name: "FK_ContactValues_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Launchs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Segments = table.Column<List<string>>(type: "text[]", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Launchs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Launchs_Products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "Products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicyExceptions",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Rules = table.Column<List<string>>(type: "text[]", nullable: false),
                    Reasons = table.Column<List<string>>(type: "text[]", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reason = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyExceptions", x => x.RequestId);
                    table.ForeignKey(
                        name: "FK_PolicyExceptions_AspNetUsers_DecidedById",
                        column: x => x.DecidedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PolicyExceptions_ReferenceRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "ReferenceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProgramKpis",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Measure = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Target = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    HigherIsBetter = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramKpis", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProgramPolicies",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LogoNeedsWrittenConsent = table.Column<bool>(type: "boolean", nullable: false),
                    CaseStudyReapprovalMonths = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramPolicies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportSubscriptions",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubscribedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentFor = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSubscriptions", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ReportSubscriptions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderGroups",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Activities = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    CapacityShare = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StaleValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaleValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ValueSettingses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    RetentionRate = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    DiscountRate = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    HorizonYears = table.Column<int>(type: "integer", nullable: false),
                    Attribution = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ActivityWeights = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AdvocacyCostPerHour = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValuePerDeliveredIdea = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    ValuePerBetaFeedback = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    DefaultGrossMargin = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    MatteredMostBoost = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: false),
                    TouchWindowDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueSettingses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LaunchTargets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    LaunchId = table.Column<Guid>(type: "uuid", nullable: false),
                    Segment = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ActivityTypeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Needed = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LaunchTargets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LaunchTargets_ActivityTypes_ActivityTypeId",
                        column: x => x.ActivityTypeId,
                        principalTable: "ActivityTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LaunchTargets_Launchs_LaunchId",
                        column: x => x.LaunchId,
                        principalTable: "Launchs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderMembers",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderMembers", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_StakeholderMembers_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderMembers_StakeholderGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "StakeholderGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "StakeholderGroups",
                columns: new[] { "Id", "Activities", "CapacityShare", "Key", "Name", "Priority", "Version" },
                values: new object[,]
                {
                    { new Guid("279e9e46-dc73-aae3-cc40-70608afb70e4"), "advisory-board,beta-feedback,community-answer", 10, "product", "Product", 5, new Guid("d0779942-6774-d941-8d66-c37677fd4cf8") },
                    { new Guid("597f20c8-036f-4c80-19c5-a8d22d6bf8ed"), "press-release,media-interview,quote,logo-use,brand-defence", 10, "pr", "PR", 3, new Guid("54d34ae0-ad66-6fd6-2b68-655213954164") },
                    { new Guid("731a3814-4462-cac2-1713-5a7fa9372191"), "case-study,video,quote,logo-use,speaking,webinar,review-site-review,event-host", 20, "marketing", "Marketing", 2, new Guid("45c7f2d1-2163-d6d7-0090-bb9da231d3da") },
                    { new Guid("a62fc30a-da7c-2b4b-11ba-408632980dce"), "reference-call,site-visit,case-study,video,quote,logo-use,referral", 50, "sales", "Sales", 1, new Guid("c621362b-4d1f-eced-f172-b2a97ecd69ae") },
                    { new Guid("aeb74c34-9695-11d2-e8cb-70b1d33fd547"), "analyst-reference,quote", 10, "analyst-relations", "Analyst relations", 4, new Guid("28328a84-a1ce-ecd5-8d0b-8d372534fef2") }
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReferenceRequests_Feedback",
                table: "ReferenceRequests",
                columns: new[] { "OpportunityId", "Status", "Happened", "Helped" });

            migrationBuilder.CreateIndex(
                name: "IX_Opportunities_Closed",
                table: "Opportunities",
                columns: new[] { "CloseDate", "Id", "IsWon", "Amount", "IsClosed" },
                filter: "\"IsClosed\"");

            migrationBuilder.CreateIndex(
                name: "IX_AccountValues_IsCustomer_Engagement_AccountId",
                table: "AccountValues",
                columns: new[] { "IsCustomer", "Engagement", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountValues_IsCustomer_Multiple_AccountId",
                table: "AccountValues",
                columns: new[] { "IsCustomer", "Multiple", "AccountId" });

            migrationBuilder.CreateIndex(
                name: "IX_AccountValues_OwnerId_IsCustomer_Engagement",
                table: "AccountValues",
                columns: new[] { "OwnerId", "IsCustomer", "Engagement" });

            migrationBuilder.CreateIndex(
                name: "IX_BuyerJourneyAnswers_AnsweredById",
                table: "BuyerJourneyAnswers",
                column: "AnsweredById");

            migrationBuilder.CreateIndex(
                name: "IX_BuyerJourneyAnswers_OpportunityId",
                table: "BuyerJourneyAnswers",
                column: "OpportunityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactValues_AccountId",
                table: "ContactValues",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactValues_IsAdvocate_AskHours_ContactId",
                table: "ContactValues",
                columns: new[] { "IsAdvocate", "AskHours", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContactValues_IsAdvocate_Beyond_ContactId",
                table: "ContactValues",
                columns: new[] { "IsAdvocate", "Beyond", "ContactId" });

            migrationBuilder.CreateIndex(
                name: "IX_Launchs_Date_Id",
                table: "Launchs",
                columns: new[] { "Date", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Launchs_ProductId",
                table: "Launchs",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchTargets_ActivityTypeId",
                table: "LaunchTargets",
                column: "ActivityTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_LaunchTargets_LaunchId_Segment_ActivityTypeId",
                table: "LaunchTargets",
                columns: new[] { "LaunchId", "Segment", "ActivityTypeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicyExceptions_DecidedById",
                table: "PolicyExceptions",
                column: "DecidedById");

            migrationBuilder.CreateIndex(
                name: "IX_PolicyExceptions_State_RequestedAt",
                table: "PolicyExceptions",
                columns: new[] { "State", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramKpis_Position",
                table: "ProgramKpis",
                column: "Position",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderGroups_Key",
                table: "StakeholderGroups",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderMembers_GroupId",
                table: "StakeholderMembers",
                column: "GroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountValues");

            migrationBuilder.DropTable(
                name: "ActivityPolicies");

            migrationBuilder.DropTable(
                name: "BuyerJourneyAnswers");

            migrationBuilder.DropTable(
                name: "ContactValues");

            migrationBuilder.DropTable(
                name: "LaunchTargets");

            migrationBuilder.DropTable(
                name: "PolicyExceptions");

            migrationBuilder.DropTable(
                name: "ProgramKpis");

            migrationBuilder.DropTable(
                name: "ProgramPolicies");

            migrationBuilder.DropTable(
                name: "ReportSubscriptions");

            migrationBuilder.DropTable(
                name: "StakeholderMembers");

            migrationBuilder.DropTable(
                name: "StaleValues");

            migrationBuilder.DropTable(
                name: "ValueSettingses");

            migrationBuilder.DropTable(
                name: "Launchs");

            migrationBuilder.DropTable(
                name: "StakeholderGroups");

            migrationBuilder.DropIndex(
                name: "IX_ReferenceRequests_Feedback",
                table: "ReferenceRequests");

            migrationBuilder.DropIndex(
                name: "IX_Opportunities_Closed",
                table: "Opportunities");

            migrationBuilder.DropColumn(
                name: "StakeholderGroupId",
                table: "ReferenceRequests");

            migrationBuilder.DropColumn(
                name: "FitsWhere",
                table: "ContentAssets");

            migrationBuilder.DropColumn(
                name: "NotAFitFor",
                table: "ContentAssets");

            migrationBuilder.DropColumn(
                name: "FitsWhere",
                table: "Contacts");

            migrationBuilder.DropColumn(
                name: "NotAFitFor",
                table: "Contacts");
        }
    }
}
