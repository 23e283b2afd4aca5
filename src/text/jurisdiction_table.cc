#include "text/jurisdiction_table.h"

#include <string>

namespace cordon {

const std::vector<ComprehensiveJurisdiction>& ComprehensiveJurisdictions() {
  static const auto* kTable = new std::vector<ComprehensiveJurisdiction>{
      {"KP", "North Korea", "comprehensive: DPRK (UN 1718, US, EU, UK)"},
      {"IR", "Iran", "comprehensive: Iran (US ITSR, UN 2231, EU, UK)"},
      {"SY", "Syria", "comprehensive: Syria (US SySR, EU, UK)"},
      {"CU", "Cuba", "comprehensive: Cuba (US CACR)"},
      {"RU", "Russia", "sectoral and broad: Russia (US, EU, UK)"},
      {"BY", "Belarus", "sectoral and broad: Belarus (US, EU, UK)"},
      {"UA-43", "Crimea", "comprehensive: Crimea region of Ukraine (US EO 13685, EU, UK)"},
      {"UA-40", "Sevastopol", "comprehensive: Crimea region of Ukraine (US EO 13685, EU, UK)"},
      {"UA-14", "Donetsk", "comprehensive: occupied regions of Ukraine (US EO 14065, EU, UK)"},
      {"UA-09", "Luhansk", "comprehensive: occupied regions of Ukraine (US EO 14065, EU, UK)"},
      {"UA-23", "Zaporizhzhia", "comprehensive: occupied regions of Ukraine (EU, UK)"},
      {"UA-65", "Kherson", "comprehensive: occupied regions of Ukraine (EU, UK)"},
  };
  return *kTable;
}

const std::vector<PlaceNameEntry>& PlaceNameTable() {
  using K = PlaceKind;
  static const auto* kTable = new std::vector<PlaceNameEntry>{
      // North Korea
      {"KP", K::kCountryName,
       "DPRK|Democratic People's Republic of Korea|Korea, North|Nord-Korea|КНДР|Северная Корея|"
       "조선|북조선|조선민주주의인민공화국|北朝鲜|朝鲜|北朝鮮|كوريا الشمالية"},
      {"KP", K::kDemonym,
       "North Korean|North Koreans|nordkoreanisch*|Nordkoreaner*|nordcorean*|nord-coréen*|"
       "norcorean*|северокорейск*|북한의"},
      {"KP", K::kCity,
       "Pyongyang|Pjöngjang|Pyŏngyang|P'yŏngyang|Pjongjang|Пхеньян|평양|平壤|平壌|بيونغ يانغ"},
      {"KP", K::kPort,
       "Nampo|Namp'o|Nampho|Chinnampo|Нампхо|Нампо|남포|南浦|Chongjin|Ch'ŏngjin|Чхонджин|청진|"
       "Wonsan|Wŏnsan|Вонсан|원산|Rason|Rajin|Расон|Раджин|라선|나진|Songnim|송림|Hungnam|흥남"},
      // Iran
      {"IR", K::kCountryName,
       "Islamic Republic of Iran|Iran, Islamic Republic of|Иран|이란|伊朗|イラン|ایران"},
      {"IR", K::kDemonym,
       "Iranian|Iranians|iranisch*|Iraner*|iranian*|iranien*|iraní|iranies|иранск*|иранц*|ايراني"},
      {"IR", K::kCity, "Tehran|Teheran|Téhéran|Teherán|Тегеран|테헤란|德黑兰|テヘラン|طهران|تهران"},
      {"IR", K::kPort,
       "Bandar Abbas|Bandar-Abbas|Bandar-e Abbas|Бендер-Аббас|Бандар-Аббас|반다르아바스|بندر عباس|"
       "Bushehr|Buschehr|Bouchehr|Бушер|Бушир|부셰르|بوشهر|Chabahar|Чабахар|چابهار|"
       "Bandar Imam Khomeini|Bandar-e Emam Khomeyni|Kharg Island|Kharg|Харк"},
      // Syria
      {"SY", K::kDemonym,
       "Syrian|Syrians|syrisch*|Syrer*|sirian*|siriano|siriana|siriani|syrien*|sirio|siria|"
       "сирийск*|сирийц*|سوري"},
      {"SY", K::kCity,
       "Damascus|Damaskus|Damasco|Damas|Дамаск|다마스쿠스|大马士革|ダマスカス|دمشق|Aleppo|Alep|"
       "Алеппо|Халеб|알레포|حلب"},
      {"SY", K::kPort,
       "Latakia|Latakieh|Lattakia|Laodicea|Lattaquié|Latakía|Латакия|라타키아|اللاذقية|Tartus|"
       "Tartous|Tartús|Тартус|타르투스|طرطوس|Baniyas|Банияс|بانياس"},
      // Cuba
      {"CU", K::kDemonym,
       "Cuban|Cubans|kubanisch*|Kubaner*|cubano|cubana|cubani|cubane|cubain*|cubanos|cubanas|"
       "кубинск*|кубинц*|كوبي"},
      {"CU", K::kCity,
       "Havana|Havanna|L'Avana|Avana|La Havane|La Habana|Habana|Гавана|아바나|哈瓦那|ハバナ|هافانا"},
      {"CU", K::kPort, "Mariel|Мариэль|Santiago de Cuba|Cienfuegos|Matanzas"},
      // Russia
      {"RU", K::kCountryName, "Russian Federation|Российская Федерация|Россия|РФ|러시아|俄罗斯|ロシア|روسيا"},
      {"RU", K::kDemonym,
       "Russian|Russians|russisch*|Russe|Russen|russo|russa|russi|russe|russes|ruso|rusa|rusos|"
       "rusas|российск*|русск*|россиян*|روسي|الروسي"},
      {"RU", K::kCity,
       "Moscow|Moskau|Mosca|Moscou|Moscú|Moskwa|Москва|모스크바|莫斯科|モスクワ|موسكو|"
       "Saint Petersburg|St. Petersburg|St Petersburg|Sankt Petersburg|San Pietroburgo|"
       "Saint-Pétersbourg|San Petersburgo|Санкт-Петербург|상트페테르부르크|سانت بطرسبرغ"},
      {"RU", K::kPort,
       "Novorossiysk|Noworossijsk|Novorossijsk|Novorossisk|Новороссийск|노보로시스크|"
       "Vladivostok|Wladiwostok|Владивосток|블라디보스토크|Ust-Luga|Усть-Луга|Primorsk|Приморск|"
       "Murmansk|Мурманск|무르만스크|Kaliningrad|Калининград|칼리닌그라드|Nakhodka|Находка"},
      // Belarus
      {"BY", K::kCountryName,
       "Weißrussland|Bielorussia|Biélorussie|Bielorrusia|Белоруссия|Беларусь|벨라루스|白俄罗斯|"
       "ベラルーシ|بيلاروسيا"},
      {"BY", K::kDemonym,
       "Belarusian|Belarusians|belarussisch*|weißrussisch*|bielorusso|bielorussa|bielorussi|"
       "biélorusse*|bielorruso|bielorrusa|белорусск*|белорус|белорусы|بيلاروسي"},
      {"BY", K::kCity, "Minsk|Минск|Мінск|민스크|明斯克|ミンスク|مينسك"},
      // Venezuela (a program target in the bundled lists, not comprehensive)
      {"VE", K::kDemonym, "Venezuelan|Venezuelans|venezolan*|venezuelan*|vénézuélien*|венесуэльск*|فنزويلي"},
      {"VE", K::kCity, "Caracas|Каракас|카라카스|加拉加斯|カラカス|كاراكاس"},
      // Occupied regions of Ukraine
      {"UA-43", K::kRegion,
       "Crimea|Krim|Crimée|Krym|Krim-Halbinsel|Crimean Peninsula|Крым|Крим|크림|크림반도|القرم|"
       "克里米亚|クリミア"},
      {"UA-43", K::kDemonym, "Crimean|krimisch*|crimean*|crimeen*|крымск*"},
      {"UA-43", K::kCity,
       "Simferopol|Simferopoli|Simferopoli|Симферополь|Сімферополь|심페로폴|Kerch|Kertsch|Керчь|"
       "케르치|Yalta|Jalta|Ялта|얄타|Feodosia|Feodossija|Феодосия"},
      {"UA-40", K::kCity,
       "Sevastopol|Sewastopol|Sebastopoli|Sébastopol|Sebastopol|Севастополь|세바스토폴|"
       "سيفاستوبول"},
      {"UA-14", K::kRegion,
       "Donetsk|Donezk|Donec'k|Doneck|Донецк|Донецьк|도네츠크|دونيتسك|Donbas|Donbass|Донбасс|Донбас"},
      {"UA-14", K::kPort, "Mariupol|Mariupol'|Мариуполь|Маріуполь|마리우폴"},
      {"UA-09", K::kRegion, "Luhansk|Lugansk|Luhansk|Луганск|Луганськ|루한스크|루간스크|لوهانسك"},
      {"UA-23", K::kRegion,
       "Zaporizhzhia|Zaporizhia|Zaporozhye|Saporischschja|Zaporižžja|Zaporojie|Zaporiyia|"
       "Запорожье|Запоріжжя|자포리자|Melitopol|Мелитополь|Berdyansk|Бердянск"},
      {"UA-65", K::kRegion, "Kherson|Cherson|Herson|Херсон|헤르손|خيرسون"},
  };
  return *kTable;
}

std::string_view ProgramWordCountry(std::string_view w) {
  static const struct {
    std::string_view word, code;
  } kWords[] = {
      {"DPRK", "KP"},        {"NKSPEA", "KP"},   {"KOREA", "KP"},     {"BURMA", "MM"},
      {"MYANMAR", "MM"},     {"IRAN", "IR"},     {"IFSR", "IR"},      {"IRGC", "IR"},
      {"ISA", "IR"},         {"SYRIA", "SY"},    {"CAESAR", "SY"},    {"CUBA", "CU"},
      {"RUSSIA", "RU"},      {"BELARUS", "BY"},  {"VENEZUELA", "VE"}, {"IRAQ", "IQ"},
      {"LIBYA", "LY"},       {"SOMALIA", "SO"},  {"SUDAN", "SD"},     {"DARFUR", "SD"},
      {"YEMEN", "YE"},       {"ZIMBABWE", "ZW"}, {"CAR", "CF"},       {"DRC", "CD"},
      {"CONGO", "CD"},       {"MALI", "ML"},     {"NICARAGUA", "NI"}, {"LEBANON", "LB"},
      {"AFGHANISTAN", "AF"}, {"ETHIOPIA", "ET"}, {"ERITREA", "ER"},   {"HAITI", "HT"},
      {"GUINEA", "GN"},      {"BURUNDI", "BI"},  {"HK", "HK"},        {"CRIMEA", "UA-43"},
      {"SOUTHSUDAN", "SS"},
  };
  for (const auto& e : kWords) {
    if (e.word == w) return e.code;
  }
  return "";
}

}  // namespace cordon
