package vn.ocop.identity.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class AdministrativeUnitTest {

    @Test
    void theElevenDistrictLevelUnitsOfAnGiangIn2020() {
        List<AdministrativeUnit> units = AdministrativeUnit.anGiang2020();
        assertThat(units).hasSize(11);
        assertThat(units).extracting(AdministrativeUnit::code).containsExactly("883", "884", "886", "887", "888", "889",
                "890", "891", "892", "893", "894");
        assertThat(units).extracting(AdministrativeUnit::validFrom).containsOnly(LocalDate.of(2020, 1, 1));
        assertThat(units).filteredOn(unit -> unit.type().equals("thành phố")).extracting(AdministrativeUnit::name)
                .containsExactly("Long Xuyên", "Châu Đốc");
        assertThat(units).filteredOn(unit -> unit.type().equals("thị xã")).extracting(AdministrativeUnit::name)
                .containsExactly("Tân Châu");
        assertThat(units).extracting(AdministrativeUnit::username).doesNotHaveDuplicates()
                .contains("longxuyen", "chaudoc", "anphu", "tanchau", "phutan", "chauphu", "tinhbien", "triton",
                        "chauthanh", "chomoi", "thoaison");
    }

    @Test
    void demoAccountsAreValid() {
        assertThat(DemoSeeder.demoAccounts()).hasSize(16)
                .allSatisfy(details -> assertThat(details.violations()).isEmpty());
    }
}
