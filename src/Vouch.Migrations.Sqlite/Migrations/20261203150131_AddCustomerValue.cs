using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Vouch.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddCustomerValue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccountValues",
                columns: table => new
                {
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsCustomer = table.Column<bool>(type: "INTEGER", nullable: false),
                    OwnerId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Segment = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    IndustryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Lifetime = table.Column<double>(type: "REAL", nullable: true),
                    Referral = table.Column<double>(type: "REAL", nullable: false),
                    Influence = table.Column<double>(type: "REAL", nullable: false),
                    Knowledge = table.Column<double>(type: "REAL", nullable: false),
                    Engagement = table.Column<double>(type: "REAL", nullable: true),
                    Multiple = table.Column<double>(type: "REAL", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "BuyerJourneyAnswers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OpportunityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Influences = table.Column<string>(type: "TEXT", nullable: false),
                    MatteredMost = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnsweredById = table.Column<Guid>(type: "TEXT", nullable: true)
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
                    ContactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IsAdvocate = table.Column<bool>(type: "INTEGER", nullable: false),
                    Referral = table.Column<double>(type: "REAL", nullable: false),
                    Influence = table.Column<double>(type: "REAL", nullable: false),
                    Knowledge = table.Column<double>(type: "REAL", nullable: false),
                    Beyond = table.Column<double>(type: "REAL", nullable: false),
                    AskHours = table.Column<double>(type: "REAL", nullable: false),
                    PerAskHour = table.Column<double>(type: "REAL", nullable: true),
                    ComputedAt = table.Column<long>(type: "INTEGER", nullable: false)
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
                name: "StaleValues",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaleValues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ValueSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    DiscountRate = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    HorizonYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Attribution = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ActivityWeights = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AdvocacyCostPerHour = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ValuePerDeliveredIdea = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    ValuePerBetaFeedback = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    DefaultGrossMargin = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    MatteredMostBoost = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    TouchWindowDays = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValueSettings", x => x.Id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccountValues");

            migrationBuilder.DropTable(
                name: "BuyerJourneyAnswers");

            migrationBuilder.DropTable(
                name: "ContactValues");

            migrationBuilder.DropTable(
                name: "StaleValues");

            migrationBuilder.DropTable(
                name: "ValueSettings");
        }
    }
}
