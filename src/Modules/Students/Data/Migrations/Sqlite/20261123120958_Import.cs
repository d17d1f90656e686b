using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Import : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_import_job",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Mode = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StoredFile = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ErrorReport = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    Processed = table.Column<int>(type: "INTEGER", nullable: false),
                    Imported = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CancelRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_import_job", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CityCode",
                table: "stu_import_job",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ClassId",
                table: "stu_import_job",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_CountyCode",
                table: "stu_import_job",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_ProvinceCode",
                table: "stu_import_job",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId",
                table: "stu_import_job",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_import_job_SchoolId_CreatedAt",
                table: "stu_import_job",
                columns: new[] { "SchoolId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_import_job");
        }
    }
}
