#include "normalize/org_word_translations.h"

#include <string>
#include <unordered_map>
#include <unordered_set>

namespace cordon {
namespace {

// One English word and its forms in the other languages, as NormalizeName
// spells them (lower case, diacritics dropped: "państwo" -> "panstwo",
// "iżlamiku" -> "izlamiku", "Ισλαμικό" -> "islamiko"). Regular inflected
// forms are listed where names use them: genitives ("państwa", "statului",
// "valstybės") and adjective agreement ("islamskie", "islamskiego"). A form
// that is also an English word or a common given name or surname is left
// out ("part", "tak", "del", "este", "sur"): the table would read it in
// names that are not in that language.
struct Entry {
  std::string_view english;
  std::string_view forms;  // space separated
};

// clang-format off
constexpr Entry kEntries[] = {
    // es pt fr it de nl pl cs sk hr sl ro hu fi et lt lv mt ga sv da el ru
    {"bank",
     "banco bancos banca banque banques banka banky banku bance bankou bankom banki bankiem bankowy "
     "banca bancii pankki pankin pank panga bankas banko bankai bankas bankas bankja bainc banken "
     "trapeza trapezis trapezas"},
    {"state",
     "estado estados etat etats stato stati staat staates staats staten panstwo panstwa panstwie "
     "panstwem statu statem statul statului statului drzava drzave drzavi drzavo drzavu allam allami "
     "valtio valtion riik riigi valstybe valstybes valstybei valsts valstij istat stait stat "
     "kratos kratous gosudarstvo gosudarstva derzhava"},
    {"islamic",
     "islamico islamica islamicos islamicas islamici islamiche islamique islamiques islamische "
     "islamischen islamischer islamisches islamitische islamitisch islamsky islamska islamske "
     "islamskeho islamskem islamskych islamskym islamskou islamsku islamski islamskie islamskiego "
     "islamskiej islamskim islamskich islamic islamica islamice islamice iszlam iszlami "
     "islamilainen islamilaisen islami islamo islama islamas izlamiku izlamika ioslamach "
     "ioslamaigh islamiske islamisk islamiska islamiko islamikou islamiki islamikis islamskoye "
     "islamskogo islamskaya islamskiy islamskiye islamskoho islamska islamskoyi"},
    {"trading",
     "comercio comercializadora commercio handel handels handlowy handlowa handlowe "
     "handlowego handlowej obchodni obchodna trgovina trgovinsko trgovsko trgovsko trgovsko "
     "comert kereskedelmi kauppa kaupan kaubandus kaubanduse prekybos prekyba tirdzniecibas "
     "tirdznieciba kummerc handels handelsbolag torgovyy torgovaya torgovoye torgovogo torgovyi "
     "torhovyi torhova emporiki emporikis"},
    {"commercial",
     "comercial comerciales commerciale commerciali kommerziell kommerzielle commercieel "
     "commerciele komercni komercny komercijalna komercijalni komercialna comerciala "
     "kommersiell kommersielle kommertsiya kommercheskiy kommercheskaya kommercheskoye"},
    {"trading corporation", "kaubanduskorporatsioon"},
    {"trading company",
     "handelsgesellschaft handelsmaatschappij handelsbolaget kauppayhtio kaubandusettevote"},
    {"company",
     "compania companias companhia companhias compagnie compagnia gesellschaft maatschappij "
     "spolecnost spolecnosti spolocnost spolocnosti spolka spolki drustvo drustva druzba druzbe "
     "societatea societate tarsasag yhtio bendrove bendroves sabiedriba sabiedribas kumpanija "
     "cuideachta bolaget selskab selskabet etaireia etaireias sociedad sociedade societe societa "
     ""},
    {"corporation",
     "corporacion corporacao corporazione korporation korporatie korporacja korporace korporacija "
     "korporatia korporacio korporatsioon korporaatio korporacija korporacijos korporacija "
     "korporazzjoni korporatsiya korporatsii"},
    {"enterprise",
     "empresa empresas entreprise entreprises impresa imprese unternehmen onderneming "
     "przedsiebiorstwo przedsiebiorstwa podnik podniku poduzece poduzeca podjetje podjetja "
     "intreprinderea intreprindere vallalat vallalata yritys ettevote imone imones uznemums "
     "intrapriza fiontar foretag virksomhed epicheirisi predpriyatiye predpriyatiya "
     "pidpryyemstvo"},
    {"group",
     "grupo grupos groupe groupes gruppo gruppi gruppe gruppen groep grupa grupy grupie grupe "
     "skupina skupiny skupine skupinu grupul grupului csoport csoportja ryhma ryhman grupp grupi "
     "grupes grupas grupp gruppo grupp omilos omilou gruppa gruppy hrupa"},
    {"industries",
     "industrias industria industrie industrien industrieen przemysl przemyslu przemyslowe prumysl "
     "prumyslu priemysel industrija industrije industriji industriei teollisuus teollisuuden "
     "toostus toostuse pramone pramones rupnieciba rupniecibas industrija tionscal industrier "
     "industri viomichania viomichanies promyshlennost promyshlennosti"},
    {"industrial",
     "industriales industriais industriel industrielle industriale industriali industrielle "
     "industriellen industriele przemyslowy przemyslowa prumyslovy prumyslova prumyslove "
     "priemyselny industrijski industrijska industrijsko industriala ipari teollinen "
     "toostuslik pramoninis rupniecisks industrijali tionsclaioch industriell "
     "viomichaniki promyshlennyy promyshlennaya promyshlennoye"},
    {"province",
     "provincia provincias provincie provinz prowincja prowincji prowincje provincii "
     "provinciei provincija provinciji provincijos provinca tartomany tartomanya provinssi "
     "provints provintsi provincja cuige gcuige provinsen provins eparchia eparchias "
     "provintsiya provintsii"},
    {"army",
     "ejercito exercito armee armees esercito leger armia armii armie armata armatei "
     "armija armije armiji armijos hadsereg hadsereget armeija armeijan armen haer "
     "stratou armiya armii armiyi"},
    {"front",
     "frente fronte fronta frontu frontas frontul frontului rintama "
     "metopo metopou fronte frontul fronten"},
    {"party",
     "partido partidos partito partei parteien partij partia partii strana strany stranka "
     "stranke partija partijos partijas partidul partidului puolue puolueen erakond erakonna "
     "partit pairti partiet komma kommatos partiya partii"},
    {"movement",
     "movimiento movimento mouvement bewegung beweging ruch ruchu hnuti hnutie pokret pokreta gibanje "
     "miscare miscarea miscarii mozgalom mozgalma liike liikkeen liikumine liikumise judejimas "
     "judejimo kustiba kustibas moviment gluaiseacht rorelse rorelsen bevaegelse kinima kinimatos "
     "dvizheniye dvizheniya rukh"},
    {"brigade",
     "brigada brigadas brigata brigate brygada brygady brygadu brigady brigadu brigade "
     "brigaden brigadele prikaati prikaatin brigaad brigaadi brigados "
     "brigata briogaid briogaide taxiarchia taxiarchias brigady"},
    {"branch",
     "sucursal sucursales succursale succursali filial filiales filiale filialen filiaal "
     "zweigstelle niederlassung oddzial oddzialu pobocka pobocky ogranak ogranka podruznica "
     "podruznice sucursala sucursalei fiok fiokja sivuliike filiaali filiale filialas filiales "
     "fergha brainse filialen parartima parartimatos filiala filial"},
    {"section",
     "seccion secciones seccao seccoes sezione sezioni sektion sectie sekcja sekcji sekce sekcia "
     "sekcija sectiunea sectiune szekcio sekcijos sekcija sezzjoni "
     "tmima tmimatos sektsiya"},
    {"department", "osasto osakond"},
    {"chapter",
     "capitulo chapitre capitolo kapitel hoofdstuk rozdzial kapitola poglavlje poglavje capitolul "
     "fejezet luku peatukk kapitolu caibidil kefalaio"},
    {"division",
     "division divisiones divisao divisione divisie dywizja dywizji divize divizia divizija "
     "divizije divizijos divizion diviziunea divisioona divizjoni divisionen merarchia "
     "diviziya divizii rannan"},
    {"plant", "zavod zavoda"},
    {"department",
     "departamento departement dipartimento abteilung afdeling departament departamentu odbor "
     "odboru odjel oddelek departamentul osztaly osztalya departemang departamentas "
     "departaments dipartiment roinn avdelning afdelingen diefthynsi departament"},
    {"south",
     "sul sud suden zuid zuiden poludnie poludniowy poludniowa poludniowe poludniowej "
     "jih jizni jizniho juzni juzna juzne juzno juzen juzno dienvidu dienvidi etela "
     "etelainen louna pietu pietus nofsinhar theas sydlige sodra notia notios "
     "yug yuzhnyy yuzhnaya meridional meridionale"},
    {"south east",
     "sudeste sudest sudoriental sudorientale sudostasien zuidoost "
     "jihovychodni jihovychod jugoistocna jugoistocni jugoistocnoj jugovzhodna jugovzhodni "
     "jugovzhodne kaakko kagu pietryciu dienvidaustrumu xlokk oirdheisceart sydost "
     "notioanatoliki"},
    {"east",
     "este leste est ost osten oost oosten wschod wschodni wschodnia wschodnie wschodniej vychod "
     "vychodni istok istocni istocna istocne istocnoj vzhod vzhodni vzhodna vzhodne rasarit kelet "
     "keleti itainen rytu rytai austrumu austrumi lvant thoir ostra ostlige "
     "anatolikos vostochnyy vostochnaya orientale orientali"},
    {"west",
     "oeste ouest ovest westen zachod zachodni zachodnia zachodnie zapad zapadni zapadna "
     "zahod zahodni vestul nyugat nyugati lansi lantinen laas vakaru vakarai rietumu "
     "punent thiar vastra vestlige dytiki dytikos zapadnyy zapadnaya occidentale"},
    {"north",
     "norte nord noord noorden norden polnoc polnocny polnocna polnocne sever severni severna "
     "sjever sjeverni sjeverna nordul eszak eszaki pohjois pohjoinen pohja pohjala siaures "
     "ziemelu tramuntana thuaidh norra nordlige voreia voreios severnyy severnaya septentrional"},
    {"asia",
     "asie asien azie azja azji azjatycki azjatycka asii asijsky asijska azija aziji azije azijos "
     "azsia azsiai aasia aasian azijas asja aise asiatico asiatica asiatique asiatisch asiatische "
     "aziatisch aziatische aziya azii"},
    // The places the EU's translations of the ISIL branches name
    // (Islāma valsts Irākā un Levantē Korasānas provincē).
    {"iraq",
     "iraque irak iraku iraka irakas iraki irakului irako irakban irakissa iraagi iraakis iraic "
     "iaraic hiaraice iraken irakiet irakou irakia"},
    {"levant",
     "levante levanta levantu lewantu lewancie levantului levanto levantes levantei levantet leiveaint "
     "levantin levantissa levanti levanten levantos"},
    {"khorasan",
     "jorasan chorasan chorasanu korasanas horasanas chorasano coracone horasan khorasanu "
     "khorasane chorasanas khorassan khorassane"},
    {"syria",
     "siria sirii siriei syrie syrien syrii syrie siriya sziria syyria suuria sirija "
     "sirijos sirijas tsiria"},
    {"international",
     "internacional internacionales internationale internazionale internazionali internationaal "
     "internationalen miedzynarodowy miedzynarodowa miedzynarodowe miedzynarodowej mezinarodni "
     "medzinarodny medunarodni medunarodna mednarodni mednarodna internationala nemzetkozi "
     "kansainvalinen rahvusvaheline tarptautinis tarptautine tarptautines starptautiska "
     "starptautiskais internazzjonali idirnaisiunta internationell diethnis diethnous "
     "mezhdunarodnyy mezhdunarodnaya mezhdunarodnoye mizhnarodnyy"},
    {"national",
     "nacional nacionales nationale nationales nazionale nazionali nationaal nationalen narodowy "
     "narodowa narodowe narodowego narodowej narodni narodny nacionalni nacionalna nationala "
     "nationale nemzeti kansallinen rahvuslik nacionalinis nacionaline nacionala nacionalais "
     "nazzjonali naisiunta nationell nationella ethnikos ethniki natsionalnyy natsionalnaya "
     "natsionalnoye natsionalnyi"},
    {"republic",
     "republica republicas republique repubblica republik republiek republika republiki "
     "republiky republike republici republicii koztarsasag koztarsasagi tasavalta tasavallan "
     "vabariik vabariigi respublika respublikos republikas repubblika poblacht republiken "
     "republikken dimokratia dimokratias respubliki"},
    {"united",
     "unido unidos unida unidas unis unies unito uniti vereinigte vereinigten verenigde "
     "zjednoczony zjednoczone zjednoczonych spojene spojenych ujedinjeni ujedinjena zdruzeni "
     "zdruzene egyesult yhdistynyt uhendatud jungtines apvienotie apvienota magqhuda aontaithe "
     "forenade forenede enomena enomenes obyedinennyy obyedinennaya obyedinennye"},
    {"shipping",
     "naviera navegacion navegacao navigazione reederei schifffahrt rederij scheepvaart zegluga "
     "zeglugi zeglugowa zeglugowe plavba plavebni brodarsko brodarstvo ladjarstvo navigatie "
     "hajozasi varustamo laevandus laevanduse laivininkystes kugnieciba rederi rederiet "
     "naftiliaki naftiliakis parokhodstvo"},
    {"oil",
     "erdol olie naftowy naftowa naftowe naftowej nafta nafty naftni naftna naftos "
     "olaj oljy oljyn olja neft neftyanaya neftyanoy neftyanoye"},
    {"petroleum", "petroleo petroleos petrole petroliere petrolio petroliera petrol petrolul petrolju"},
    {"gas",
     "gaz gazu gazowy gazowa plyn plynu gasa gazul kaasu gaas dujos"},
    {"investment",
     "inversion inversiones investimento investimentos investissement investissements "
     "investimenti investition investitionen investering investeringen inwestycje inwestycji "
     "inwestycyjny inwestycyjna investice investicni investicna investicije investicijski "
     "investitii investitie befektetesi befektetes sijoitus investeering "
     "investeeringud investiciju investicijos investiment infheistiocht investeringar "
     "ependyseis ependyseon investitsionnyy investitsionnaya investitsiy"},
    {"holding", "holdingu holdingul holdingas holdinga holdingo kholding"},
    {"foundation",
     "fundacion fundacao fondation fondazione stiftung stichting fundacja fundacji nadace nadacia "
     "zaklada zakladu fundatia fundatiei alapitvany saatio sihtasutus fondazzjoni "
     "stiftelsen stiftelse idryma"},
    {"association",
     "asociacion associacao association associazione verein vereinigung vereniging "
     "stowarzyszenie stowarzyszenia sdruzeni zdruzenie udruga udruzenje zdruzenje asociatia "
     "asociatiei egyesulet yhdistys uhing asociacija asociacijos biedriba assocjazzjoni cumann "
     "forening syndesmos assotsiatsiya"},
    {"organization",
     "organizacion organizacao organizzazione organisatie organizacja organizacji "
     "organizace organizacia organizacija organizacije organizatia organizatiei szervezet "
     "szervezete jarjesto jarjeston organisatsioon organisatsiooni organizacijos organizacija "
     "organizzazzjoni eagraiocht organosi organoseos organizatsiya organizatsii"},
    {"institute",
     "instituto institut istituto instituut instytut instytutu institutu institutul intezet "
     "intezete instituutti instituudi institutas instituto istitut institiuid institouto "
     "instituta"},
    {"ministry",
     "ministerio ministere ministero ministerium ministerie ministerstwo ministerstwa ministerstvo "
     "ministerstva ministarstvo ministarstva ministrstvo ministerul ministerului miniszterium "
     "ministerio ministeerium ministeeriumi ministerija ministerijos ministrija ministeru aireacht "
     "ministeriet departementet ypourgeio ypourgeiou ministerstvo"},
    {"defence",
     "defensa defesa defense difesa verteidigung defensie obrony obrana obrany obrane obrambe "
     "apararii aparare vedelmi puolustus puolustuksen kaitse gynybos "
     "aizsardzibas difiza cosanta forsvar forsvarets amyna amynas oborony oborona"},
    {"revolutionary",
     "revolucionaria revolucionario revolucionarios revolucionarias revolucionaria revolucionarias "
     "revolutionnaire revolutionnaires rivoluzionaria rivoluzionarie rivoluzionari revolutionare "
     "revolutionaren revolutionaire rewolucyjny rewolucyjna rewolucyjne revolucni revolucnich "
     "revolucnych revolucionarna revolucionarne revolucionarni revolutionar revolutionara "
     "forradalmi vallankumouksellinen vallankumous revolutsiooniline revolutsioonilise "
     "revoliucinis revoliucines revolucionaro revolucionaras rivoluzzjonarju reabhloideach "
     "revolutionara revolutionare epanastatikos epanastatiki revolyutsionnyy revolyutsionnaya"},
    {"guard",
     "guardia guardias guarda gardiens garde gardes guardie garde gardy gwardia gwardii garda "
     "gardy gardu gardisti straze gardele gardienilor gardistii kaarti kaartin kaardivae "
     "gvardija gvardijos gvardu gvarde gwardja garda gardet gardets fylakes fylakon frouron "
     "gvardiya gvardii"},
    {"corps",
     "cuerpo cuerpos corpo corpi korps korpus korpusu korpusa sbor sboru zbor zboru korpusas "
     "korpuss corpul corpului hadtest joukot korpuse korp corpo somatos "
     "korpusy"},
    {"liberation",
     "liberacion libertacao liberation liberazione befreiung bevrijding wyzwolenia wyzwolenie "
     "osvobozeni oslobodjenje oslobodilacki osvoboditev eliberare eliberarea felszabaditasi "
     "vapautus vabastamise islaisvinimo atbrivosanas helsien saoradh befrielse apeleftherosi "
     "osvobozhdeniya"},
    {"popular",
     "populares populaire populaires popolare popolari populara populare popularna popularni"},
    {"union",
     "union uniao unione unie uniunea uniunii unija unije unia unii svaz zvaz szovetseg liitto "
     "liit sajunga savieniba unjoni aontas ligan enosi soyuz soyuza"},
    {"federation",
     "federacion federacao federation federazione foderation federatie federacja federacji "
     "federace federacia federacija federacije federatia federatiei foderacio federaatio "
     "federaation foderatsioon foderatsiooni federacijos federacijas federazzjoni "
     "conaidhm federationen omospondia omospondias federatsiya federatsii"},
    {"factory",
     "fabrica fabrique fabbrica fabrik fabriek fabryka fabryki tovarna tvornica fabrica "
     "fabricii gyar gyara tehdas tehase vabrik gamykla rupnica fabbrika fabriken "
     "ergostasio"},
};

// Glue words of organisation names, by language. Those IsParticle() knows
// already (de, del, la, le, van, der, y, e, al, el, da, do, di) are not
// repeated.
constexpr std::string_view kConnectors =
    "los las lo o os as a au aux des dos das en et und im am vom zum zur fur het voor op ten "
    "w we z ze i oraz v ve ze na nad u s za od iz pri in ir un ja es az ez egy si din ale "
    "al ai alla allo agli dello dei delle degli dell nella nel per con della pe "
    "och og av af pa til tal ta tax tas fil fl il l li ghal ta agus an na ar "
    "den det der tou tis ton kai stin sto ston tis";
// clang-format on

struct Tables {
  std::unordered_map<std::string_view, std::string_view> words;
  std::unordered_set<std::string_view> connectors;
};

void ForEachWord(std::string_view list, auto&& fn) {
  size_t pos = 0;
  while (pos < list.size()) {
    size_t end = list.find(' ', pos);
    if (end == std::string_view::npos) end = list.size();
    if (end > pos) fn(list.substr(pos, end - pos));
    pos = end + 1;
  }
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables();
    for (const Entry& e : kEntries) {
      ForEachWord(e.forms, [&](std::string_view form) {
        // The English word itself is no translation (the French
        // "organisation" and "international" are English too).
        if (form == e.english) return;
        t->words.emplace(form, e.english);  // the first entry of a form wins
      });
    }
    ForEachWord(kConnectors, [&](std::string_view w) { t->connectors.insert(w); });
    return t;
  }();
  return *tables;
}

}  // namespace

std::string_view TranslateOrgWord(std::string_view token) {
  const auto& words = GetTables().words;
  auto it = words.find(token);
  return it == words.end() ? std::string_view() : it->second;
}

bool IsOrgConnector(std::string_view token) { return GetTables().connectors.count(token) > 0; }

}  // namespace cordon
