using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Records.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "rec_activity",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_activity", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_attachment",
                columns: table => new
                {
                    Sha2 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_attachment", x => x.Sha2);
                });

            migrationBuilder.CreateTable(
                name: "rec_client",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IssuedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_client", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_document",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    AgentKey = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Registration = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Updated = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_document", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_statement",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stored = table.Column<long>(type: "INTEGER", nullable: false),
                    VerbId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ActorKey = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: true),
                    Registration = table.Column<Guid>(type: "TEXT", nullable: true),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IsVoiding = table.Column<bool>(type: "INTEGER", nullable: false),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubmittedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    WrittenBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_statement", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "rec_statement_link",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 2048, nullable: false),
                    Primary = table.Column<bool>(type: "INTEGER", nullable: false),
                    Stored = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_rec_statement_link", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_rec_client_IssuedBy",
                table: "rec_client",
                column: "IssuedBy");

            migrationBuilder.CreateIndex(
                name: "IX_rec_client_Key",
                table: "rec_client",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_document_Kind_ActivityId_AgentKey_Registration_DocumentId",
                table: "rec_document",
                columns: new[] { "Kind", "ActivityId", "AgentKey", "Registration", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_ClassId_Stored",
                table: "rec_statement",
                columns: new[] { "ClassId", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_PersonId_Stored",
                table: "rec_statement",
                columns: new[] { "PersonId", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_Registration_Stored",
                table: "rec_statement",
                columns: new[] { "Registration", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_TargetId",
                table: "rec_statement",
                column: "TargetId");

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_VerbId_Stored",
                table: "rec_statement",
                columns: new[] { "VerbId", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_Voided_Stored",
                table: "rec_statement",
                columns: new[] { "Voided", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_Kind_Key_Stored",
                table: "rec_statement_link",
                columns: new[] { "Kind", "Key", "Stored" });

            migrationBuilder.CreateIndex(
                name: "IX_rec_statement_link_StatementId",
                table: "rec_statement_link",
                column: "StatementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "rec_activity");

            migrationBuilder.DropTable(
                name: "rec_attachment");

            migrationBuilder.DropTable(
                name: "rec_client");

            migrationBuilder.DropTable(
                name: "rec_document");

            migrationBuilder.DropTable(
                name: "rec_statement");

            migrationBuilder.DropTable(
                name: "rec_statement_link");
        }
    }
}
