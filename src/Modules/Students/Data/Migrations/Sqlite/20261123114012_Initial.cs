using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EduCloud.Students.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "stu_school_census",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    UrbanRural = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Students = table.Column<int>(type: "INTEGER", nullable: false),
                    LeftBehind = table.Column<int>(type: "INTEGER", nullable: false),
                    Migrant = table.Column<int>(type: "INTEGER", nullable: false),
                    Disabled = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_school_census", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_status_change",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: false),
                    FromSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToSchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ToClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    FromGradeLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    ToGradeLevel = table.Column<int>(type: "INTEGER", nullable: true),
                    FromStage = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStage = table.Column<int>(type: "INTEGER", nullable: true),
                    BatchId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelsChangeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CancelledByChangeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_status_change", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "stu_student",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StudentNumber = table.Column<string>(type: "TEXT", maxLength: 19, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Sex = table.Column<int>(type: "INTEGER", nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CitizenIdCipher = table.Column<string>(type: "TEXT", nullable: true),
                    CitizenIdHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CitizenIdMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    EthnicityCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HukouRegionCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    HukouKind = table.Column<int>(type: "INTEGER", nullable: false),
                    AddressCipher = table.Column<string>(type: "TEXT", nullable: true),
                    AddressMasked = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    LeftBehind = table.Column<bool>(type: "INTEGER", nullable: false),
                    Migrant = table.Column<bool>(type: "INTEGER", nullable: false),
                    Disability = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeLevel = table.Column<int>(type: "INTEGER", nullable: false),
                    GradeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EntryYear = table.Column<int>(type: "INTEGER", nullable: false),
                    UrbanRural = table.Column<int>(type: "INTEGER", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConsentGuardianName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProvinceCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CityCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    CountyCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    SchoolId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ClassId = table.Column<Guid>(type: "TEXT", nullable: true),
                    guardians = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_stu_student", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CityCode",
                table: "stu_school_census",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_CountyCode",
                table: "stu_school_census",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_ProvinceCode",
                table: "stu_school_census",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_school_census_SchoolId_Stage_GradeLevel_Sex_EthnicityCode_UrbanRural_Status",
                table: "stu_school_census",
                columns: new[] { "SchoolId", "Stage", "GradeLevel", "Sex", "EthnicityCode", "UrbanRural", "Status" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_BatchId",
                table: "stu_status_change",
                column: "BatchId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_CityCode",
                table: "stu_status_change",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_ClassId",
                table: "stu_status_change",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_CountyCode",
                table: "stu_status_change",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_ProvinceCode",
                table: "stu_status_change",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_SchoolId",
                table: "stu_status_change",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_status_change_StudentId_RecordedAt",
                table: "stu_status_change",
                columns: new[] { "StudentId", "RecordedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_CitizenIdHash",
                table: "stu_student",
                column: "CitizenIdHash");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_CityCode",
                table: "stu_student",
                column: "CityCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_ClassId",
                table: "stu_student",
                column: "ClassId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_CountyCode",
                table: "stu_student",
                column: "CountyCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_ProvinceCode",
                table: "stu_student",
                column: "ProvinceCode");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_SchoolId",
                table: "stu_student",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_SchoolId_Status_Stage_GradeLevel",
                table: "stu_student",
                columns: new[] { "SchoolId", "Status", "Stage", "GradeLevel" });

            migrationBuilder.CreateIndex(
                name: "IX_stu_student_StudentNumber",
                table: "stu_student",
                column: "StudentNumber",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "stu_school_census");

            migrationBuilder.DropTable(
                name: "stu_status_change");

            migrationBuilder.DropTable(
                name: "stu_student");
        }
    }
}
